package dev.reportsql.reportei.sql;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.reportei.ReporteiClient;
import dev.reportsql.reportei.ReporteiErrors;

/**
 * Streams every page of {@code GET /customers}. The first page is read alone: its
 * {@code meta.last_page} says how many there are. Then up to {@code prefetch} later pages are
 * requested ahead, concurrently, while the rows of the current one are consumed; the rate-limit
 * interceptor keeps them under the merchant's limits. With a row limit (an unordered LIMIT), no
 * page past the one that holds the last needed row is requested; when Calcite stops reading early
 * anyway, closing cancels the pages still under way.
 */
final class CustomerPages extends RowEnumerator {
    private final ReporteiClient client;
    private final ScanRequest request;
    private final int prefetch;
    private final ReporteiTable table;
    private final Deque<ReporteiClient.PendingCall> ahead = new ArrayDeque<>();
    private int perPage;
    private int nextPage = 1;
    private int nextToRequest = 2;
    private int lastNeeded = 1;
    private Iterator<JsonNode> rows;
    private long rowsLeft;

    CustomerPages(ReporteiClient client, ScanRequest request, int pageSize, int prefetch, ReporteiTable table) {
        super(request);
        this.client = client;
        this.request = request;
        this.prefetch = prefetch;
        this.table = table;
        Long limit = request.rowLimit();
        this.rowsLeft = limit == null ? Long.MAX_VALUE : limit;
        this.perPage = (int) Math.max(1, Math.min(pageSize, rowsLeft));
    }

    @Override
    protected Object[] nextRow() throws SQLException {
        while (rows == null || !rows.hasNext()) {
            if (nextPage > lastNeeded || rowsLeft <= 0) {
                return null;
            }
            JsonNode body = nextPage == 1 ? client.get("customers", query(1), ReporteiErrors.Target.MERCHANT,
                    request.context()) : await(ahead.pollFirst());
            if (nextPage == 1) {
                learnPages(body);
                if (EndpointTable.objectsAt(body, "data", "GET /customers").isEmpty()) {
                    request.context().addWarning(ReporteiTable.noRows("GET /customers", table.name()));
                }
            }
            nextPage++;
            requestAhead();
            rows = EndpointTable.objectsAt(body, "data", "GET /customers").iterator();
        }
        rowsLeft--;
        return JsonCells.row(rows.next(), table.columns(), table.columns().size(), table.name());
    }

    private void learnPages(JsonNode body) throws SQLException {
        JsonNode meta = body.path("meta");
        if (!meta.path("last_page").canConvertToInt()) {
            throw Errors.sql(SqlState.INVALID_TEXT_REPRESENTATION, "GET /customers answered without meta.last_page, "
                    + "so its pages cannot be followed: " + EndpointTable.excerpt(meta));
        }
        int lastPage = meta.path("last_page").asInt();
        perPage = meta.path("per_page").canConvertToInt() && meta.path("per_page").asInt() > 0
                ? meta.path("per_page").asInt() : perPage;
        long pagesForLimit = rowsLeft == Long.MAX_VALUE ? Long.MAX_VALUE : (rowsLeft + perPage - 1) / perPage;
        lastNeeded = (int) Math.min(lastPage, pagesForLimit);
        if (lastNeeded > 1) { // the first page was reserved with the plan; the rest are known only now
            request.context().reserveCalls(lastNeeded - 1, "pages 2 to " + lastNeeded + " of customers");
        }
    }

    /** Keeps up to {@code prefetch} later pages under way (at least the next one). */
    private void requestAhead() {
        while (nextToRequest <= lastNeeded && ahead.size() < prefetch) {
            ahead.addLast(client.getAsync("customers", query(nextToRequest), ReporteiErrors.Target.MERCHANT,
                    request.context()));
            nextToRequest++;
        }
    }

    private Map<String, String> query(int page) {
        return Map.of("page", Integer.toString(page), "per_page", Integer.toString(perPage));
    }

    private JsonNode await(ReporteiClient.PendingCall call) throws SQLException {
        if (call == null) { // nothing fetched ahead (prefetchPages=0): read the page now
            nextToRequest = Math.max(nextToRequest, nextPage + 1);
            return client.get("customers", query(nextPage), ReporteiErrors.Target.MERCHANT, request.context());
        }
        try {
            return call.result().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ReporteiClient.RetryableFailure) {
                // A page fetched ahead failed in a way worth retrying: read it again now, with retries.
                return client.get("customers", query(nextPage), ReporteiErrors.Target.MERCHANT, request.context());
            }
            if (e.getCause() instanceof SQLException s) {
                throw s;
            }
            throw Errors.sql(SqlState.GENERAL_ERROR, "Reading a page of customers failed: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.call().cancel();
            throw Errors.sql(SqlState.OPERATION_CANCELED, "Interrupted while waiting for a page of customers", e);
        }
    }

    @Override
    protected void release() {
        for (ReporteiClient.PendingCall c : ahead) {
            c.call().cancel();
        }
        ahead.clear();
    }
}
