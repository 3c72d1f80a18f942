package dev.reportsql.http;

import java.io.IOException;

import dev.reportsql.observe.RequestEntry;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Adds what happens on the wire to the {@link RequestEntry} a request is tagged with: one attempt
 * per exchange (a network interceptor sees retries and 429 repeats one by one), the status of the
 * latest, and the body bytes as they are read. Requests without an entry (token calls) pass through.
 */
public final class RequestRecording implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
        RequestEntry entry = chain.request().tag(RequestEntry.class);
        if (entry == null) {
            return chain.proceed(chain.request());
        }
        entry.attempt();
        Response response = chain.proceed(chain.request());
        entry.status(response.code());
        ResponseBody body = response.body();
        return body == null ? response : response.newBuilder().body(new CountedBody(body, entry::bytes)).build();
    }
}
