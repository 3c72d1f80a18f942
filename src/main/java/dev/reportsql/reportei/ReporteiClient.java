package dev.reportsql.reportei;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.http.CallTracker;
import dev.reportsql.http.HttpFailures;
import dev.reportsql.http.RetryPolicy;
import dev.reportsql.observe.Activity;
import dev.reportsql.observe.RequestEntry;
import dev.reportsql.sql.PlannedCall;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The read calls of Reportei Connect. The OkHttp client given to it adds the tokens
 * ({@link ReporteiAuthInterceptor}) and paces under the rate limit ({@link RateLimitInterceptor});
 * this class builds requests, registers them with the statement's {@link CallTracker} (so cancel
 * and timeout abort them) and turns answers into JSON or SQLExceptions.
 */
public final class ReporteiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Builds request bodies. */
    public static final JsonNodeFactory JSON_NODES = JsonNodeFactory.instance;
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final HttpUrl base;
    private final boolean customerToken;
    private final RatePacer pacer;
    private final RetryPolicy retry;
    private final Activity activity;

    /**
     * {@code retry} covers connection failures and 502/503/504 of the calls made one at a time; 429
     * never reaches it, because the rate-limit interceptor waits those out itself.
     */
    ReporteiClient(OkHttpClient http, HttpUrl base, boolean customerToken, RatePacer pacer, RetryPolicy retry,
            Activity activity) {
        this.retry = retry;
        this.activity = activity;
        this.http = http;
        this.base = base;
        this.customerToken = customerToken;
        this.pacer = pacer;
    }

    /** Whether the connection has a customer token (customer tables need one). */
    public boolean hasCustomerToken() {
        return customerToken;
    }

    /** The rate limits the driver paces under (per second, per minute; Integer.MAX_VALUE when unknown). */
    public int[] pacedLimits() {
        return new int[] {pacer.perSecond(), pacer.perMinute()};
    }

    /**
     * A call {@code table} would make, for EXPLAIN: {@code path} as the API sees it, paced under the
     * connection's rate limits. {@code count} -1 means only running the query tells.
     */
    public PlannedCall plan(String method, String path, String request, long count, String table, String note) {
        return new PlannedCall(method, url(path, Map.of()).encodedPath(), table, request == null ? "-" : request, count,
                "off", note, new PlannedCall.Pacing(pacer.perSecond(), pacer.perMinute()));
    }

    /** GET {@code path} with query parameters; returns the JSON body of a 200 answer. */
    public JsonNode get(String path, Map<String, String> query, ReporteiErrors.Target target, CallTracker tracker)
            throws SQLException {
        return execute(getRequest(path, query, target, tracker), target, tracker, false);
    }

    /** As {@link #get}, but a 404 answer (no such uuid) returns null instead of failing. */
    public JsonNode find(String path, ReporteiErrors.Target target, CallTracker tracker) throws SQLException {
        return execute(getRequest(path, Map.of(), target, tracker), target, tracker, true);
    }

    /** POST a JSON body; returns the JSON body of a 200 answer. */
    public JsonNode post(String path, JsonNode body, ReporteiErrors.Target target, CallTracker tracker)
            throws SQLException {
        String json = body.toString();
        Request.Builder b = new Request.Builder().url(url(path, Map.of())).post(RequestBody.create(json, JSON_TYPE));
        return execute(tag(b, target, tracker, json).build(), target, tracker, false);
    }

    /**
     * Starts a GET without waiting for it (a page fetched ahead). The future completes with the
     * JSON body or fails with the SQLException; cancelling the returned call aborts it.
     */
    public PendingCall getAsync(String path, Map<String, String> query, ReporteiErrors.Target target,
            CallTracker tracker) {
        Request request = getRequest(path, query, target, tracker);
        RequestEntry entry = request.tag(RequestEntry.class);
        String endpoint = endpoint(request);
        Call call = http.newCall(request);
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        tracker.register(call);
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                tracker.unregister(c);
                SQLException failure = HttpFailures.io(endpoint, e, tracker);
                entry.failed(failure.getSQLState(), -1);
                future.completeExceptionally(tracker.abortReason() == null && RetryPolicy.retryable(e)
                        ? new RetryableFailure(failure) : failure);
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    if (RetryPolicy.retryableStatus(response.code())) {
                        SQLException failure = ReporteiErrors.of(endpoint, response, target);
                        entry.failed(failure.getSQLState(), -1);
                        future.completeExceptionally(new RetryableFailure(failure));
                        return;
                    }
                    JsonNode node = read(endpoint, response, target, false);
                    entry.succeeded(rowsOf(node));
                    future.complete(node);
                } catch (SQLException e) {
                    entry.failed(e.getSQLState(), -1);
                    future.completeExceptionally(e);
                } catch (IOException e) {
                    SQLException failure = HttpFailures.io(endpoint, e, tracker);
                    entry.failed(failure.getSQLState(), -1);
                    future.completeExceptionally(failure);
                } finally {
                    tracker.unregister(c);
                }
            }
        });
        return new PendingCall(call, future);
    }

    /**
     * How a call started with {@link #getAsync} fails when trying again may help (the connection
     * failed before an answer, or 429/502/503/504): the caller then makes the call again through
     * {@link #get}, with the connection's retries. {@link #failure()} is what to report otherwise.
     */
    public static final class RetryableFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient SQLException failure;

        RetryableFailure(SQLException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }

        public SQLException failure() {
            return failure;
        }
    }

    /** A call under way: its future result and the call, to cancel it when the rows are no longer needed. */
    public record PendingCall(Call call, CompletableFuture<JsonNode> result) {
    }

    private Request getRequest(String path, Map<String, String> query, ReporteiErrors.Target target,
            CallTracker tracker) {
        HttpUrl url = url(path, query);
        return tag(new Request.Builder().url(url).get(), target, tracker, url.encodedQuery()).build();
    }

    /**
     * The customer scope for the auth interceptor, the statement for the rate limiter's wait budget,
     * and the call's entry in the connection's request log ({@code filters}: the query or body sent).
     */
    private Request.Builder tag(Request.Builder b, ReporteiErrors.Target target, CallTracker tracker,
            String filters) {
        Request draft = b.build();
        b.tag(RequestEntry.class, activity.beginRequest(tracker.statementId(), draft.method(),
                draft.url().encodedPath(), null, filters));
        b.tag(CallTracker.class, tracker);
        return target == ReporteiErrors.Target.MERCHANT ? b
                : b.tag(ReporteiAuthInterceptor.CustomerScope.class, ReporteiAuthInterceptor.CustomerScope.CUSTOMER);
    }

    private HttpUrl url(String path, Map<String, String> query) {
        HttpUrl.Builder b = base.newBuilder().addPathSegments(path);
        query.forEach(b::addQueryParameter);
        return b.build();
    }

    private JsonNode execute(Request request, ReporteiErrors.Target target, CallTracker tracker, boolean absentOn404)
            throws SQLException {
        String endpoint = endpoint(request);
        RequestEntry entry = request.tag(RequestEntry.class);
        try {
            JsonNode node = retry.execute(endpoint, tracker, () -> {
                Call call = http.newCall(request);
                tracker.register(call);
                try (Response response = call.execute()) {
                    if (RetryPolicy.retryableStatus(response.code())) {
                        throw new RetryPolicy.RetryableStatus(response, ReporteiErrors.of(endpoint, response, target));
                    }
                    return read(endpoint, response, target, absentOn404);
                } finally {
                    tracker.unregister(call);
                }
            });
            entry.succeeded(rowsOf(node));
            return node;
        } catch (SQLException e) {
            entry.failed(e.getSQLState(), -1);
            throw e;
        }
    }

    /** The rows an answer carries: the length of its {@code data} array (or of the answer if it is one), else -1. */
    private static long rowsOf(JsonNode node) {
        if (node == null) {
            return 0;
        }
        JsonNode data = node.isArray() ? node : node.get("data");
        return data != null && data.isArray() ? data.size() : -1;
    }

    private static JsonNode read(String endpoint, Response response, ReporteiErrors.Target target,
            boolean absentOn404) throws SQLException, IOException {
        if (absentOn404 && response.code() == 404) {
            return null;
        }
        if (response.code() != 200) {
            throw ReporteiErrors.of(endpoint, response, target);
        }
        String text = response.body().string();
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException e) {
            throw Errors.sql(SqlState.INVALID_TEXT_REPRESENTATION, endpoint + " answered 200 with a body that is "
                    + "not JSON: " + excerpt(text), e);
        }
        if (node == null || !node.isContainerNode()) {
            throw Errors.sql(SqlState.INVALID_TEXT_REPRESENTATION, endpoint + " answered 200 without a JSON object: "
                    + excerpt(text));
        }
        return node;
    }

    private static String endpoint(Request request) {
        return request.method() + " " + request.url();
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
