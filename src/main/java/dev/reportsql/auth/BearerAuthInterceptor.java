package dev.reportsql.auth;

import java.io.IOException;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.reportsql.http.CallTracker;
import dev.reportsql.http.SqlExceptionCarrier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Bearer} to every API call. When the API answers 403 (missing, invalid
 * or expired token), it gets a new token once and retries once; a second 403 goes back to the
 * caller, who reports it.
 */
public final class BearerAuthInterceptor implements Interceptor {
    private static final Logger LOG = Logger.getLogger(BearerAuthInterceptor.class.getName());
    private final TokenSource tokens;

    public BearerAuthInterceptor(TokenSource tokens) {
        this.tokens = tokens;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        CallTracker tracker = chain.request().tag(CallTracker.class);
        CallTracker statement = tracker != null ? tracker : CallTracker.NONE;
        String token = token(false, null, statement);
        Response response = chain.proceed(withToken(chain.request(), token));
        if (response.code() != 403) {
            return response;
        }
        response.close();
        LOG.log(Level.FINE, "The API answered 403 to {0} {1}; getting a new token and retrying once",
                new Object[] {chain.request().method(), chain.request().url()});
        String renewed = token(true, token, statement);
        return chain.proceed(withToken(chain.request(), renewed));
    }

    private String token(boolean renew, String rejected, CallTracker tracker) throws IOException {
        try {
            return renew ? tokens.renewAfterRejection(rejected, tracker) : tokens.accessToken(tracker);
        } catch (SQLException e) {
            throw new SqlExceptionCarrier(e);
        }
    }

    private static Request withToken(Request request, String token) {
        return request.newBuilder().header("Authorization", "Bearer " + token).build();
    }
}
