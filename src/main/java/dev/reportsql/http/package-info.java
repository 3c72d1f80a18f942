/**
 * The transport every adapter shares: one OkHttp client per JVM with per-connection settings, TLS
 * trust, the retry policy (503s, 429 with Retry-After, connections dropped before the headers), the
 * optional response cache, the guard that fails a truncated or oversized body instead of ending it
 * early, cancellation, and the recording of each exchange for {@code sys.requests}.
 * May import: {@code config}, {@code error}, {@code observe}, OkHttp, Jackson, Caffeine.
 */
package dev.reportsql.http;
