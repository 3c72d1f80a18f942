package dev.reportsql.sooperwizer;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.http.CallTracker;
import dev.reportsql.http.CopyingBody;
import dev.reportsql.http.GuardedBody;
import dev.reportsql.http.ResponseCache;
import dev.reportsql.http.SqlExceptionCarrier;
import dev.reportsql.observe.RequestEntry;
import dev.reportsql.sooperwizer.sql.FilterDefinition;
import dev.reportsql.sql.PlannedCall;
import dev.reportsql.sooperwizer.sql.ReportDefinition;
import dev.reportsql.sooperwizer.sql.ReportSource;
import dev.reportsql.sooperwizer.sql.TableNames;
import dev.reportsql.types.JsonRowStream;
import okhttp3.Response;

/**
 * The Sooperwizer API as a {@link ReportSource}. The report catalog is cached per API and user
 * (never shared between users) for the connection's {@code catalogTtl}.
 */
public final class SooperwizerSource implements ReportSource {
    private record CachedCatalog(List<ReportDefinition> reports, Instant loadedAt) {
    }

    private static final Cache<String, CachedCatalog> CATALOGS = Caffeine.newBuilder()
            .maximumSize(1_000)
            .expireAfterWrite(Duration.ofHours(24)) // upper bound; each connection applies its own TTL
            .build();

    private final SooperwizerClient client;
    private final String identity;
    private final Duration catalogTtl;
    private final ResponseCache results;
    private volatile Map<ReportDefinition, String> tableNames;

    public SooperwizerSource(SooperwizerClient client, String identity, Duration catalogTtl) {
        this(client, identity, catalogTtl, null);
    }

    /** @param results the result cache, or null when it is off */
    public SooperwizerSource(SooperwizerClient client, String identity, Duration catalogTtl, ResponseCache results) {
        this.client = client;
        this.identity = identity;
        this.catalogTtl = catalogTtl;
        this.results = results;
    }

    @Override
    public String identity() {
        return identity;
    }

    @Override
    public List<ReportDefinition> reports() throws SQLException {
        CachedCatalog cached = CATALOGS.getIfPresent(identity);
        if (cached != null && cached.loadedAt().plus(catalogTtl).isAfter(Instant.now())) {
            client.activity().trace().debug("report catalog from the cache, loaded at " + cached.loadedAt());
            return cached.reports();
        }
        List<ReportDefinition> reports = List.copyOf(client.listReports());
        CATALOGS.put(identity, new CachedCatalog(reports, Instant.now()));
        return reports;
    }

    @Override
    public JsonRowStream open(ReportDefinition report, Map<String, List<String>> filters, CallTracker tracker,
            OutputStream copy) throws SQLException {
        String source = "get-data of report " + report.label();
        String cacheKey = results == null ? null : identity + "|" + report.id() + "|" + filters;
        byte[] cached = cacheKey == null ? null : results.get(cacheKey);
        Map<String, FilterDefinition> defs = new LinkedHashMap<>();
        report.filters().forEach(f -> defs.put(f.name(), f));
        if (cached != null) {
            RequestEntry entry = client.activity().beginRequest(tracker.statementId(), "POST", client.dataPath(),
                    tableName(report), SooperwizerClient.dataBody(report.id(), filters, defs));
            entry.cacheHit();
            JsonRowStream[] stream = new JsonRowStream[1];
            InputStream bytes = new ByteArrayInputStream(cached);
            InputStream in = new FilterInputStream(copy == null ? bytes : new CopyingBody(bytes, copy)) {
                @Override
                public void close() {
                    ended(entry, stream[0]);
                }
            };
            try {
                stream[0] = new JsonRowStream(SooperwizerClient.JSON_FACTORY.createParser(in), source + " (result cache)");
                return stream[0];
            } catch (IOException e) {
                entry.failed(SqlState.CONNECTION_FAILURE.code(), -1);
                throw Errors.sql(SqlState.CONNECTION_FAILURE, "Cannot read the cached data of report " + report.label(), e);
            }
        }
        SooperwizerClient.DataCall call = client.openData(report.id(), filters, defs, report.label(), tableName(report),
                tracker);
        Response response = call.response();
        GuardedBody guarded = new GuardedBody(response.body().byteStream(), client.maxResponseBytes(), call.endpoint(),
                response.code());
        RequestEntry entry = call.entry();
        JsonRowStream[] stream = new JsonRowStream[1];
        InputStream read = cacheKey == null ? guarded : results.recording(cacheKey, guarded);
        InputStream body = new FilterInputStream(copy == null ? read : new CopyingBody(read, copy)) {
            @Override
            public void close() throws IOException {
                try {
                    response.close();
                } finally {
                    tracker.unregister(call.call());
                    ended(entry, stream[0]);
                }
            }
        };
        try {
            stream[0] = new JsonRowStream(SooperwizerClient.JSON_FACTORY.createParser(body), source, e -> {
                SQLException failure = withBody(e, guarded);
                entry.failed(failure.getSQLState(), stream[0].rowsRead());
                return failure;
            });
            return stream[0];
        } catch (IOException e) {
            response.close();
            tracker.unregister(call.call());
            SQLException failure = withBody(Errors.sql(SqlState.CONNECTION_FAILURE, "Cannot read the data of report "
                    + report.label(), e), guarded);
            entry.failed(failure.getSQLState(), -1);
            throw failure;
        }
    }

    /** The body was closed: the call ends with the rows read, unless a failure already ended it. */
    private static void ended(RequestEntry entry, JsonRowStream stream) {
        if (!entry.ended()) {
            entry.succeeded(stream == null ? -1 : stream.rowsRead());
        }
    }

    @Override
    public PlannedCall plan(ReportDefinition report, String tableName, Map<String, List<String>> filters) {
        Map<String, FilterDefinition> defs = new LinkedHashMap<>();
        report.filters().forEach(f -> defs.put(f.name(), f));
        String cache = results == null ? "off"
                : results.get(identity + "|" + report.id() + "|" + filters) != null ? "hit" : "miss";
        return new PlannedCall("POST", client.dataPath(), tableName, SooperwizerClient.dataBody(report.id(), filters,
                defs), 1, cache, null);
    }

    /** The SQL name of {@code report}, as the connection's schema assigns it (for {@code sys.requests}). */
    private String tableName(ReportDefinition report) {
        Map<ReportDefinition, String> names = tableNames;
        if (names == null || !names.containsKey(report)) {
            try {
                names = TableNames.assign(reports());
            } catch (SQLException e) {
                return report.name();
            }
            tableNames = names;
        }
        return names.getOrDefault(report, report.name());
    }

    /**
     * Integrity failures of the row stream (cut off, not JSON, not an array of objects, too large)
     * name the endpoint, the status and an excerpt of the body; value conversion errors already
     * name report, column and value and are left as they are.
     */
    private static SQLException withBody(SQLException e, GuardedBody body) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SqlExceptionCarrier carried) {
                return carried.sqlException(); // the size limit, which says all of this already
            }
        }
        String state = e.getSQLState();
        if (state == null || !(state.startsWith("08") || state.equals(SqlState.INVALID_TEXT_REPRESENTATION.code()))) {
            return e;
        }
        String hint = "";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                hint = "; the server sent nothing for longer than readTimeout: raise it if the server is this slow";
            }
        }
        SqlState s = SqlState.forCode(state);
        return Errors.sql(s != null ? s : SqlState.CONNECTION_FAILURE, e.getMessage() + hint + " [" + body.describe()
                + "]", e);
    }

    /** Forgets cached catalogs (tests, and users who changed report access). */
    public static void clearCatalogCache() {
        CATALOGS.invalidateAll();
    }
}
