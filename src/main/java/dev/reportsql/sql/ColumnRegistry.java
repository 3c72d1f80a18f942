package dev.reportsql.sql;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.reportsql.types.ColumnDef;

/**
 * The inferred data columns of reports. Shared between connections of the same API and user (so
 * a second connection needs no probe), and pinned per connection on first use: once a connection
 * has seen a report's columns, they stay the same for the life of that connection even if another
 * connection infers differently later.
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
    private final ConcurrentMap<String, List<ColumnDef>> pinned = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** {@code identity} names API and user; it is part of every shared key. */
    public ColumnRegistry(String identity) {
        this(identity, DEFAULT_TTL);
    }

    /** {@code ttl}: how long columns another connection inferred are reused by this one. */
    public ColumnRegistry(String identity, Duration ttl) {
        this.identity = identity;
        this.ttl = ttl == null ? DEFAULT_TTL : ttl;
    }

    /** The report's data columns, or null when no row of it has been seen yet. */
    public List<ColumnDef> dataColumns(String reportId) {
        List<ColumnDef> mine = pinned.get(reportId);
        if (mine != null) {
            return mine;
        }
        Inferred inferred = SHARED.getIfPresent(key(reportId));
        if (inferred == null || !inferred.at().plus(ttl).isAfter(Instant.now())) {
            return null;
        }
        List<ColumnDef> shared = inferred.columns();
        List<ColumnDef> previous = pinned.putIfAbsent(reportId, shared);
        if (previous == null) {
            generation.incrementAndGet();
        }
        return previous != null ? previous : shared;
    }

    /** Records inferred columns; returns the columns now in force (an earlier pin wins). */
    public List<ColumnDef> register(String reportId, List<ColumnDef> inferred) {
        List<ColumnDef> copy = List.copyOf(inferred);
        List<ColumnDef> previous = pinned.putIfAbsent(reportId, copy);
        if (previous != null) {
            return previous;
        }
        SHARED.put(key(reportId), new Inferred(copy, Instant.now()));
        generation.incrementAndGet();
        return copy;
    }

    /** Makes other connections learn this report's columns again; this connection keeps its own. */
    public void forgetShared(String reportId) {
        SHARED.invalidate(key(reportId));
    }

    /** Changes whenever this connection learns a report's columns; plans made before may be stale. */
    public long generation() {
        return generation.get();
    }

    private String key(String reportId) {
        return identity + "#" + reportId;
    }

    /** Forgets every shared entry (tests). */
    public static void clearShared() {
        SHARED.invalidateAll();
    }
}
