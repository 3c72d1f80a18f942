package dev.reportsql.reportei;

import java.io.IOException;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.http.SqlExceptionCarrier;
import okhttp3.Interceptor;
import okhttp3.Request;

/**
 * Adds the merchant's {@code Authorization: Bearer} token to every Reportei call, and the
 * {@code x-customer-token} to calls tagged {@link CustomerScope} (customer endpoints only, so the
 * customer token never travels where it is not needed). Both tokens are static: nothing to renew.
 */
final class ReporteiAuthInterceptor implements Interceptor {
    /** Request tag of the endpoints that act for the connection's customer. */
    enum CustomerScope {
        CUSTOMER
    }

    private final String apiToken;
    private final String customerToken;

    ReporteiAuthInterceptor(String apiToken, String customerToken) {
        this.apiToken = apiToken;
        this.customerToken = customerToken;
    }

    @Override
    public okhttp3.Response intercept(Chain chain) throws IOException {
        Request.Builder b = chain.request().newBuilder()
                .header("Authorization", "Bearer " + apiToken)
                .header("Accept", "application/json");
        if (chain.request().tag(CustomerScope.class) != null) {
            if (customerToken == null) {
                throw new SqlExceptionCarrier(Errors.sql(SqlState.INVALID_AUTHORIZATION, "This table reads the data of "
                        + "one customer and needs its customer token: set the connection property customerToken"));
            }
            b.header("x-customer-token", customerToken);
        }
        return chain.proceed(b.build());
    }

    @Override
    public String toString() {
        return "ReporteiAuthInterceptor[tokens hidden]";
    }
}
