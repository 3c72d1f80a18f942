package dev.reportsql.sooperwizer.sql;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.reportsql.types.ColumnDef;
import dev.reportsql.types.TypeInference;
import dev.reportsql.types.ValueConverter;

/**
 * The inferred data columns of reports. Shared between connections of the same API and user (so
 * a second connection needs no probe), and pinned per connection on first use: once a connection
 * has seen a report's columns, another connection inferring differently does not change them. The
 * one change is {@link #widen}: a later value a column does not hold makes that column wider, here
 * and in the shared entry, so that the next query holds it.
 *
 * <p>With a {@link ColumnStore}, the shared entries are also kept on disk for later JVMs: a JVM
 * that has no entry in memory reads the store, under the same key and {@code columnsTtl}.
 */
public final class ColumnRegistry {
    /** Default of the {@code columnsTtl} property. */
    static final Duration DEFAULT_TTL = Duration.ofHours(12);

    private record Inferred(List<ColumnDef> columns, Instant at) {
    }

    private static final Cache<String, Inferred> SHARED = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofDays(7)) // upper bound; each connection applies its own columnsTtl
            .build();

    private final String identity;
    private final Duration ttl;
    private final ColumnStore store;
    private final ConcurrentMap<String, List<ColumnDef>> pinned = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** {@code identity} names API and user; it is part of every shared key. */
    public ColumnRegistry(String identity) {
        this(identity, DEFAULT_TTL);
    }

    /** {@code ttl}: how long columns another connection inferred are reused by this one. */
    public ColumnRegistry(String identity, Duration ttl) {
        this(identity, ttl, ColumnStore.NONE);
    }

    /** As {@link #ColumnRegistry(String, Duration)}, keeping learned columns in {@code store} for later JVMs too. */
    public ColumnRegistry(String identity, Duration ttl, ColumnStore store) {
        this.identity = identity;
        this.ttl = ttl == null ? DEFAULT_TTL : ttl;
        this.store = store == null ? ColumnStore.NONE : store;
    }

    /** The report's data columns, or null when no row of it has been seen yet. */
    public List<ColumnDef> dataColumns(ReportDefinition report) {
        List<ColumnDef> mine = pinned.get(report.id());
        if (mine != null) {
            return mine;
        }
        Inferred inferred = SHARED.getIfPresent(key(report));
        if (inferred == null) {
            inferred = fromStore(report);
        }
        if (inferred == null || !inferred.at().plus(ttl).isAfter(Instant.now())) {
            return null;
        }
        List<ColumnDef> shared = inferred.columns();
        List<ColumnDef> previous = pinned.putIfAbsent(report.id(), shared);
        if (previous == null) {
            generation.incrementAndGet();
        }
        return previous != null ? previous : shared;
    }

    /** Records inferred columns; returns the columns now in force (an earlier pin wins). */
    public List<ColumnDef> register(ReportDefinition report, List<ColumnDef> inferred) {
        List<ColumnDef> copy = List.copyOf(inferred);
        List<ColumnDef> previous = pinned.putIfAbsent(report.id(), copy);
        if (previous != null) {
            return previous;
        }
        share(report, new Inferred(copy, Instant.now()));
        generation.incrementAndGet();
        return copy;
    }

    /** Columns an earlier JVM learned, put into the memory cache with the time they were learned. */
    private Inferred fromStore(ReportDefinition report) {
        if (!store.enabled()) {
            return null;
        }
        ColumnStore.Stored stored = store.read(storeKey(report));
        if (stored == null) {
            return null;
        }
        Inferred inferred = new Inferred(stored.columns(), stored.learnedAt());
        Inferred raced = SHARED.asMap().putIfAbsent(key(report), inferred);
        return raced != null ? raced : inferred;
    }

    private void share(ReportDefinition report, Inferred inferred) {
        SHARED.put(key(report), inferred);
        store.write(storeKey(report), inferred.columns(), inferred.at());
    }

    /**
     * Widens the data column read from {@code jsonKey} so that it holds {@code raw}, a value a scan
     * met that did not fit it (see {@link TypeInference#widen}); later plans of this connection, and
     * connections that learn the columns from the shared cache, use the wider type. Returns the
     * column now in force, or null if the report has no such data column.
     */
    public ColumnDef widen(ReportDefinition report, String jsonKey, Object raw) {
        ColumnDef[] result = new ColumnDef[1];
        boolean[] changed = new boolean[1];
        List<ColumnDef> now = pinned.computeIfPresent(report.id(), (id, columns) -> {
            for (int i = 0; i < columns.size(); i++) {
                ColumnDef c = columns.get(i);
                if (c.jsonKey().equals(jsonKey)) {
                    // Another scan may have widened it already: widen what is in force, not what this scan saw.
                    ColumnDef wider = holds(c, raw) ? c : TypeInference.widen(c, raw);
                    result[0] = wider;
                    if (wider.equals(c)) {
                        return columns;
                    }
                    List<ColumnDef> out = new ArrayList<>(columns);
                    out.set(i, wider);
                    changed[0] = true;
                    return List.copyOf(out);
                }
            }
            return columns;
        });
        if (changed[0]) {
            share(report, new Inferred(now, Instant.now()));
            generation.incrementAndGet();
        }
        return result[0];
    }

    /** The data column read from {@code jsonKey} as this connection knows it now, or null. */
    public ColumnDef dataColumn(ReportDefinition report, String jsonKey) {
        List<ColumnDef> columns = dataColumns(report);
        if (columns != null) {
            for (ColumnDef c : columns) {
                if (c.jsonKey().equals(jsonKey)) {
                    return c;
                }
            }
        }
        return null;
    }

    /** Whether the column's type already holds the value (another scan widened it first). */
    private static boolean holds(ColumnDef c, Object raw) {
        try {
            ValueConverter.toInternal(raw, c, "");
            return true;
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    /** Makes other connections learn this report's columns again; this connection keeps its own. */
    public void forgetShared(ReportDefinition report) {
        SHARED.invalidate(key(report));
        store.delete(storeKey(report));
    }

    /** Changes whenever this connection learns a report's columns; plans made before may be stale. */
    public long generation() {
        return generation.get();
    }

    /**
     * API, user, report id and the report's definition: a report the catalog now describes
     * differently (renamed, other filters) is a changed report, and its columns are learned again.
     */
    private String key(ReportDefinition report) {
        return identity + "#" + report.id() + "#" + Integer.toHexString(report.hashCode());
    }

    /**
     * The key on disk: the memory key's parts, with the whole definition written out rather than its
     * hash code, which is only meant to be stable within one JVM.
     */
    private String storeKey(ReportDefinition report) {
        StringBuilder key = new StringBuilder(identity).append('\0').append(report.id()).append('\0')
                .append(report.name()).append('\0').append(report.displayName()).append('\0')
                .append(report.description());
        for (FilterDefinition f : report.filters()) {
            key.append('\0').append(f.name()).append(f.list() ? ":list" : ":one").append(f.required() ? ":required" : ":optional");
        }
        return key.toString();
    }

    /** Forgets every shared entry of this JVM's memory, as a new JVM starts (tests); a store keeps its files. */
    public static void clearShared() {
        SHARED.invalidateAll();
        ColumnStore.forgetMissingFiles();
    }
}
