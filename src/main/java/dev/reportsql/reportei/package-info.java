/**
 * The Reportei Connect adapter's client side: bearer plus {@code x-customer-token} headers, the rate
 * limiter that paces calls under the API's limit, paginated lists and the metrics POST, and the
 * translation of its errors into SQLStates. Its tables, scans and pushdown rules are in
 * {@code reportei.sql}.
 * May import: {@code http}, {@code config}, {@code error}, {@code observe}, {@code sql}, OkHttp,
 * Jackson. The {@code sandbox} only to start the demo server for {@code jdbc:reportei:demo}.
 */
package dev.reportsql.reportei;
