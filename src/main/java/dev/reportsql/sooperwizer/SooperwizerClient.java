package dev.reportsql.sooperwizer;

import java.io.IOException;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.http.CallTracker;
import dev.reportsql.http.HttpFailures;
import dev.reportsql.http.JsonBody;
import dev.reportsql.http.RetryPolicy;
import dev.reportsql.observe.Activity;
import dev.reportsql.observe.RequestEntry;
import dev.reportsql.sooperwizer.sql.FilterDefinition;
import dev.reportsql.sooperwizer.sql.ReportDefinition;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The two calls of the Sooperwizer Reverse Integration API: the report catalog and a report's
 * data. The OkHttp client given to it already adds the bearer token (see
 * {@link dev.reportsql.auth.BearerAuthInterceptor}).
 */
public final class SooperwizerClient {
    static final JsonFactory JSON_FACTORY = new JsonFactory();
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final HttpUrl integrationsUrl;
    private final HttpUrl dataUrl;
    private final RetryPolicy retry;
    private final long maxResponseBytes;
    private final Activity activity;

    /**
     * @param retry            when to try a call again
     * @param maxResponseBytes the largest body accepted (0: no limit)
     */
    public SooperwizerClient(OkHttpClient http, HttpUrl apiBase, RetryPolicy retry, long maxResponseBytes) {
        this(http, apiBase, retry, maxResponseBytes, Activity.DETACHED);
    }

    /** @param activity where the connection records its calls ({@code sys.requests}) */
    public SooperwizerClient(OkHttpClient http, HttpUrl apiBase, RetryPolicy retry, long maxResponseBytes,
            Activity activity) {
        this.activity = activity;
        this.http = http;
        this.integrationsUrl = apiBase.newBuilder().addPathSegments("report/get-integrations").build();
        this.dataUrl = apiBase.newBuilder().addPathSegments("report/get-data").build();
        this.retry = retry;
        this.maxResponseBytes = maxResponseBytes;
    }

    Activity activity() {
        return activity;
    }

    /** The path of the data endpoint, as {@code sys.requests} shows it. */
    String dataPath() {
        return dataUrl.encodedPath();
    }

    /** The largest response body accepted (0: no limit). */
    long maxResponseBytes() {
        return maxResponseBytes;
    }

    /** GET /report/get-integrations: every report the user may read. The whole call is retried, body included. */
    public List<ReportDefinition> listReports() throws SQLException {
        RequestEntry entry = activity.beginRequest(0, "GET", integrationsUrl.encodedPath(), null, null);
        Request request = new Request.Builder().url(integrationsUrl).get().tag(RequestEntry.class, entry).build();
        String endpoint = "GET " + integrationsUrl;
        try {
            List<ReportDefinition> reports = listReports(request, endpoint);
            entry.succeeded(reports.size());
            return reports;
        } catch (SQLException e) {
            entry.failed(e.getSQLState(), -1);
            throw e;
        }
    }

    private List<ReportDefinition> listReports(Request request, String endpoint) throws SQLException {
        return retry.execute(endpoint, CallTracker.NONE, () -> {
            try (Response response = http.newCall(request).execute()) {
                if (response.code() != 200) {
                    SQLException failure = ApiErrors.forCatalog(endpoint, response);
                    if (RetryPolicy.retryableStatus(response.code())) {
                        throw new RetryPolicy.RetryableStatus(response, failure);
                    }
                    throw failure;
                }
                return parseCatalog(endpoint, HttpFailures.readText(response, maxResponseBytes, endpoint));
            }
        });
    }

    static List<ReportDefinition> parseCatalog(String endpoint, String body) throws SQLException {
        Object root;
        try {
            root = JsonBody.parse(body);
        } catch (IOException e) {
            throw Errors.sql(SqlState.INVALID_TEXT_REPRESENTATION, endpoint + " answered HTTP 200 with a body that is not JSON: "
                    + excerpt(body), e);
        }
        if (!JsonBody.isArray(root)) {
            throw Errors.sql(SqlState.INVALID_TEXT_REPRESENTATION, endpoint
                    + " answered HTTP 200 but the body is not a JSON array of reports: " + excerpt(body));
        }
        List<ReportDefinition> reports = new ArrayList<>();
        for (Object item : JsonBody.elements(root)) {
            Object id = JsonBody.field(item, "ReportID");
            String name = JsonBody.text(JsonBody.field(item, "ReportName"), null);
            if (id == null || !JsonBody.isLong(id) || name == null) {
                throw Errors.sql(SqlState.INVALID_TEXT_REPRESENTATION, endpoint
                        + " listed a report without a numeric ReportID and a ReportName: " + excerpt(JsonBody.toJson(item)));
            }
            List<FilterDefinition> filters = new ArrayList<>();
            for (Map.Entry<String, Object> f : JsonBody.fields(JsonBody.field(item, "Filters")).entrySet()) {
                String type = JsonBody.text(JsonBody.field(f.getValue(), "type"), "single");
                filters.add(new FilterDefinition(f.getKey(), "list".equalsIgnoreCase(type),
                        JsonBody.asBoolean(JsonBody.field(f.getValue(), "required"), false)));
            }
            reports.add(new ReportDefinition(Long.toString(JsonBody.asLong(id, 0)), name,
                    textOrNull(JsonBody.field(item, "DisplayName")), textOrNull(JsonBody.field(item, "Description")), filters));
        }
        return reports;
    }

    /**
     * POST /report/get-data. Returns the open response once the status is 200; the body is read
     * as a stream by the caller, who must close the response.
     */
    public DataCall openData(String reportId, Map<String, List<String>> filters,
            Map<String, FilterDefinition> definitions, String reportLabel, String tableName, CallTracker tracker)
            throws SQLException {
        checkUnicode(filters, reportLabel);
        String json = dataBody(reportId, filters, definitions);
        RequestEntry entry = activity.beginRequest(tracker.statementId(), "POST", dataUrl.encodedPath(), tableName, json);
        // The tag lets the auth interceptor make its token calls abortable by the same statement.
        Request request = new Request.Builder().url(dataUrl).post(RequestBody.create(json, JSON_TYPE))
                .tag(CallTracker.class, tracker).tag(RequestEntry.class, entry).build();
        String endpoint = "POST " + dataUrl + " for report " + reportLabel;
        try {
            return retry.execute(endpoint, tracker, () -> attemptData(request, endpoint, tracker, entry));
        } catch (SQLException e) {
            entry.failed(e.getSQLState(), -1);
            throw e;
        }
    }

    /**
     * One try of the data call. It counts as failed before any row was read, and so may be
     * retried, until the first byte of the body has arrived: a reset or a broken chunk right
     * after the status line is as harmless to retry as a refused connection.
     */
    private DataCall attemptData(Request request, String endpoint, CallTracker tracker, RequestEntry entry)
            throws IOException, SQLException, RetryPolicy.RetryableStatus {
        Call call = http.newCall(request);
        tracker.register(call);
        Response response = null;
        try {
            response = call.execute();
            if (response.code() != 200) {
                SQLException failure = ApiErrors.forData(endpoint, response);
                if (RetryPolicy.retryableStatus(response.code())) {
                    throw new RetryPolicy.RetryableStatus(response, failure);
                }
                throw failure;
            }
            response.body().source().request(1); // false (empty body) is reported by the row stream as truncated
            DataCall opened = new DataCall(call, response, endpoint, entry);
            response = null;
            return opened;
        } finally {
            if (response != null) {
                response.close();
                tracker.unregister(call);
            }
        }
    }

    /**
     * A string with a lone UTF-16 surrogate has no UTF-8 form: sent anyway, it would reach the API
     * as '?', a different value. Refuse it instead.
     */
    private static void checkUnicode(Map<String, List<String>> filters, String reportLabel) throws SQLException {
        for (Map.Entry<String, List<String>> e : filters.entrySet()) {
            for (String v : e.getValue()) {
                for (int i = 0; i < v.length(); i++) {
                    char c = v.charAt(i);
                    boolean paired = Character.isHighSurrogate(c) ? i + 1 < v.length()
                            && Character.isLowSurrogate(v.charAt(++i)) : !Character.isLowSurrogate(c);
                    if (!paired) {
                        throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "A value of filter " + e.getKey()
                                + " of report " + reportLabel + " is not valid Unicode text (it has an unpaired "
                                + "surrogate character), so it cannot be sent to the API; fix the value");
                    }
                }
            }
        }
    }

    /** {"ReportID": 101, "filters": {...}}; single filters as strings, list filters as arrays. */
    static String dataBody(String reportId, Map<String, List<String>> filters, Map<String, FilterDefinition> defs) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON_FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("ReportID", Long.parseLong(reportId));
            g.writeObjectFieldStart("filters");
            for (Map.Entry<String, List<String>> e : filters.entrySet()) {
                FilterDefinition def = defs.get(e.getKey());
                if (def != null && def.list()) {
                    g.writeArrayFieldStart(e.getKey());
                    for (String v : e.getValue()) {
                        g.writeString(v);
                    }
                    g.writeEndArray();
                } else {
                    g.writeStringField(e.getKey(), e.getValue().get(0));
                }
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to a StringWriter cannot fail", e);
        }
        return out.toString();
    }

    /** An open get-data call whose status was 200; closing the response ends it. {@code entry} is its log row. */
    public record DataCall(Call call, Response response, String endpoint, RequestEntry entry) {
    }

    private static String textOrNull(Object n) {
        return JsonBody.text(n, null);
    }

    private static String excerpt(String body) {
        return HttpFailures.excerpt(body);
    }
}
