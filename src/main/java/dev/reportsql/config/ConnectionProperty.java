package dev.reportsql.config;

import static dev.reportsql.config.PropertyTopic.AUTHENTICATION;
import static dev.reportsql.config.PropertyTopic.CACHING;
import static dev.reportsql.config.PropertyTopic.CONNECTION;
import static dev.reportsql.config.PropertyTopic.DIAGNOSTICS;
import static dev.reportsql.config.PropertyTopic.LIMITS;
import static dev.reportsql.config.PropertyTopic.REPORTEI;
import static dev.reportsql.config.PropertyTopic.RETRIES;
import static dev.reportsql.config.PropertyTopic.SOOPERWIZER;
import static dev.reportsql.config.PropertyTopic.SQL;
import static dev.reportsql.config.PropertyTopic.TRANSPORT;

import java.sql.DriverPropertyInfo;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Every connection property of the driver, declared once. URL and Properties parsing,
 * {@link java.sql.Driver#getPropertyInfo}, the DataSource setters and the property table in
 * {@code docs/connection-properties.md} are all derived from this enum (a test checks the docs).
 */
public enum ConnectionProperty {
    /**
     * The user name the driver logs in as with the Keycloak password grant; no default. Set it for every real
     * Sooperwizer connection (not with grantType=client_credentials, nor for Reportei, which has no user
     * names).
     */
    USER(CONNECTION, "user", PropertyKind.STRING, null, true, EnumSet.allOf(Api.class),
            "User name for the Keycloak password grant. Required except with the demo URL, which logs in as 'demo', "
                    + "and with grantType=client_credentials. Reportei has no user names: leave it empty (a name given "
                    + "is ignored with a connection warning)."),
    /**
     * The Keycloak password of {@link #USER}, or for Reportei the merchant API token; no default, never shown.
     * Set it through the tool's password field rather than the URL.
     */
    PASSWORD(CONNECTION, "password", PropertyKind.SECRET, null, true, EnumSet.allOf(Api.class),
            "Password for the Keycloak password grant (not used with grantType=client_credentials). For Reportei, "
                    + "the merchant API token (the same as apiToken), so that tools' password fields work. Never logged "
                    + "or shown in metadata."),
    /**
     * The SQL schema name the report tables appear under; by default the API's name ({@code sooperwizer} or
     * {@code reportei}). Set it when a tool or a shared query expects another schema name.
     */
    SCHEMA(CONNECTION, "schema", PropertyKind.STRING, null, false, EnumSet.allOf(Api.class),
            "Name of the SQL schema that holds the report tables. Defaults to the API name "
                    + "('sooperwizer' or 'reportei')."),
    /**
     * The base URL of the Keycloak server that issues Sooperwizer tokens; no default (the demo URL fills it
     * in). Required for a real Sooperwizer connection, since the API itself does not say where to log in.
     */
    KEYCLOAK_URL(AUTHENTICATION, "keycloakUrl", PropertyKind.URL, null, true, EnumSet.of(Api.SOOPERWIZER),
            "Base URL of the Keycloak server, e.g. https://auth.example.com (the token endpoint is "
                    + "{keycloakUrl}/realms/{realm}/protocol/openid-connect/token). Not needed with the demo URL."),
    /**
     * The Keycloak realm that issues the tokens; default {@code wimetrix}. Set it when the API's users live in
     * another realm.
     */
    REALM(AUTHENTICATION, "realm", PropertyKind.STRING, "wimetrix", false, EnumSet.of(Api.SOOPERWIZER),
            "Keycloak realm that issues the tokens."),
    /**
     * The Keycloak client id of every token request; default {@code frontend}, the API's public client. Set it
     * to log in through a client of your own, e.g. a confidential one with {@link #CLIENT_SECRET}.
     */
    CLIENT_ID(AUTHENTICATION, "clientId", PropertyKind.STRING, "frontend", false, EnumSet.of(Api.SOOPERWIZER),
            "Keycloak client id of every token request (a public client, or a confidential one with clientSecret)."),
    /**
     * The OAuth scope requested with each token; default {@code openid}. Set it when the API expects tokens
     * issued for another scope.
     */
    SCOPE(AUTHENTICATION, "scope", PropertyKind.STRING, "openid", false, EnumSet.of(Api.SOOPERWIZER),
            "OAuth scope requested with the token."),
    /**
     * How tokens are obtained: {@code password} (the default) logs in as user/password,
     * {@code client_credentials} as a confidential client's service account. Set the latter for unattended jobs
     * that must not hold a person's password.
     */
    GRANT_TYPE(AUTHENTICATION, "grantType", PropertyKind.CHOICE, "password", false, EnumSet.of(Api.SOOPERWIZER),
            "How the driver gets tokens from Keycloak: 'password' logs in as user/password (the client needs "
                    + "Direct access grants); 'client_credentials' logs in as the service account of a confidential "
                    + "client (needs clientSecret; user and password are not used).",
            List.of("password", "client_credentials")),
    /**
     * The secret of a confidential Keycloak client, sent with every token request; no default, never shown.
     * Needed for {@code client_credentials} and for any confidential client.
     */
    CLIENT_SECRET(AUTHENTICATION, "clientSecret", PropertyKind.SECRET, null, false, EnumSet.of(Api.SOOPERWIZER),
            "Secret of a confidential Keycloak client, sent as client_secret with every token request. Leave it "
                    + "unset for a public client such as 'frontend'. Never logged or shown in metadata."),
    /**
     * The merchant's Reportei API token, sent as a bearer token; no default, never shown. Required for a real
     * Reportei connection (it may come as the password instead).
     */
    API_TOKEN(AUTHENTICATION, "apiToken", PropertyKind.SECRET, null, true, EnumSet.of(Api.REPORTEI),
            "The merchant's Reportei API token, sent as 'Authorization: Bearer'; may be given as password instead. "
                    + "Not needed with the demo URL. "
                    + "Never logged or shown in metadata."),
    /**
     * The Reportei customer token (x-customer-token); no default, never shown. Set it to read the tables that
     * belong to one customer: customer_settings, customer_integrations and the metric tables.
     */
    CUSTOMER_TOKEN(AUTHENTICATION, "customerToken", PropertyKind.SECRET, null, false, EnumSet.of(Api.REPORTEI),
            "The customer token (x-customer-token) issued when the customer was created. Needed for the "
                    + "customer_settings, customer_integrations and metric tables. Never logged or shown in metadata."),
    /**
     * How long to wait for a TCP and TLS connection to the API or the token endpoint; a duration, default 10s,
     * 0 waits forever. Raise it for slow networks, lower it to fail fast when a host is down.
     */
    CONNECT_TIMEOUT(TRANSPORT, "connectTimeout", PropertyKind.DURATION, "10s", false, EnumSet.allOf(Api.class),
            "How long to wait for a TCP/TLS connection to the API or token endpoint. 0 waits forever."),
    /**
     * The longest silence allowed between two packets of a response (not the time for the whole body); a
     * duration, default 60s, 0 waits forever. Raise it for reports the server takes long to start answering.
     */
    READ_TIMEOUT(TRANSPORT, "readTimeout", PropertyKind.DURATION, "60s", false, EnumSet.allOf(Api.class),
            "Longest silence allowed while reading a response (between two packets, not the whole body). "
                    + "0 waits forever."),
    /**
     * A trust store file used instead of the JVM's default for HTTPS to the API and to Keycloak; no default.
     * Set it for a private CA or a self-signed server; host names are still verified.
     */
    TRUST_STORE(TRANSPORT, "trustStore", PropertyKind.STRING, null, false, EnumSet.allOf(Api.class),
            "Path of a trust store file whose certificates are trusted for HTTPS to the API and to Keycloak, instead "
                    + "of the JVM's default trust store (use it for a private CA or a self-signed server). Host names "
                    + "are always verified."),
    /**
     * The password of the {@link #TRUST_STORE} file, if it has one; no default, never shown.
     */
    TRUST_STORE_PASSWORD(TRANSPORT, "trustStorePassword", PropertyKind.SECRET, null, false, EnumSet.allOf(Api.class),
            "Password of the trustStore file, if it has one. Never logged or shown in metadata."),
    /**
     * The format of the {@link #TRUST_STORE} file, {@code PKCS12} (the default) or {@code JKS}. Set it for an
     * older JKS file.
     */
    TRUST_STORE_TYPE(TRANSPORT, "trustStoreType", PropertyKind.CHOICE, "PKCS12", false, EnumSet.allOf(Api.class),
            "Format of the trustStore file.", List.of("PKCS12", "JKS")),
    /**
     * Whether credentials and tokens may go over plain http:// to a host that is not loopback; default false.
     * Set it only for a test server: anyone on the network path could read and reuse them.
     */
    ALLOW_INSECURE_HTTP(TRANSPORT, "allowInsecureHttp", PropertyKind.BOOLEAN, "false", false, EnumSet.allOf(Api.class),
            "Allow passwords, client secrets and tokens to be sent over plain http:// to a host that is not "
                    + "loopback (localhost, 127.x.x.x, ::1 are always allowed). Only for test servers: anyone on the "
                    + "network path can read and reuse them."),
    /**
     * How many times a token, catalog or data call is tried again after a connection failure or HTTP 429, 502,
     * 503 or 504; default 3, 0 turns retries off. Lower it when a caller prefers a fast failure over waiting
     * out an outage.
     */
    MAX_RETRIES(RETRIES, "maxRetries", PropertyKind.INTEGER, "3", false, EnumSet.allOf(Api.class),
            "How many times a token, catalog or data call is tried again after a connection failure before the "
                    + "response began, or after HTTP 429, 502, 503 or 504. A data call is never retried once its "
                    + "rows started to reach the query. 0 turns retries off."),
    /**
     * The wait before the first retry, doubled (with jitter) for each further one; a duration, default 500ms.
     * Raise it for a server that needs longer to recover.
     */
    RETRY_INITIAL_BACKOFF(RETRIES, "retryInitialBackoff", PropertyKind.DURATION, "500ms", false,
            EnumSet.allOf(Api.class),
            "Wait before the first retry; each further retry waits twice as long (with random jitter), up to "
                    + "retryMaxBackoff. A longer Retry-After from the server wins."),
    /**
     * The longest wait between two attempts; a duration, default 30s. A server asking for a longer wait is not
     * retried, so the call fails at once rather than hang.
     */
    RETRY_MAX_BACKOFF(RETRIES, "retryMaxBackoff", PropertyKind.DURATION, "30s", false, EnumSet.allOf(Api.class),
            "Longest wait between two attempts. A server asking (Retry-After) to wait longer than this, or longer "
                    + "than the query timeout leaves, is not retried: the call fails at once."),
    /**
     * The largest response body accepted, in bytes; default 2147483648 (2 GiB), 0 for no limit. A larger body
     * fails the query with 22000; set it lower to stop a runaway response early.
     */
    MAX_RESPONSE_BYTES(LIMITS, "maxResponseBytes", PropertyKind.INTEGER, "2147483648", false, EnumSet.allOf(Api.class),
            "Largest response body accepted, in bytes (default 2 GiB); a larger one fails the query with SQLState "
                    + "22000 instead of being read on. Rows stream, so this guards against a runaway response, not "
                    + "memory use. 0 means no limit."),
    /**
     * The most API calls one statement execution may make; default 0, no limit. Set it so that an unconstrained
     * query fails with 54000 before its calls start instead of using up an API quota.
     */
    MAX_CALLS_PER_QUERY(LIMITS, "maxCallsPerQuery", PropertyKind.INTEGER, "0", false, EnumSet.allOf(Api.class),
            "The most API calls one statement execution may make (0, the default: no limit). A query that would "
                    + "make more fails with 54000 before its calls start, naming the number; EXPLAIN shows the calls "
                    + "a query makes."),
    /**
     * How long the list of reports and their filters is cached per user and API; a duration, default 5m. Lower
     * it while reports are being added on the server, raise it to open connections with fewer calls.
     */
    CATALOG_TTL(CACHING, "catalogTtl", PropertyKind.DURATION, "5m", false, EnumSet.allOf(Api.class),
            "How long the list of reports (and their filters) is cached per user and API before it is read again."),
    /**
     * How long the columns inferred from a report's rows are reused by connections opened later, per user and
     * API; a duration, default 12h. Lower it when reports change shape often.
     */
    COLUMNS_TTL(CACHING, "columnsTtl", PropertyKind.DURATION, "12h", false, EnumSet.allOf(Api.class),
            "How long the columns inferred from a report's rows are reused, per user and API, by connections "
                    + "opened later (a connection keeps the columns it has seen for its whole life, except that a "
                    + "column widens when a later response has a value it does not hold)."),
    /**
     * Where the columns inferred from reports' rows are kept for later JVMs (a CLI call, the next run of a job),
     * under the same key and {@link #COLUMNS_TTL} as in memory; {@code none} keeps them in memory only. Unset:
     * the JVM's {@code reportsql.columnsStore} system property, else {@code ~/.cache/reportsql/columns}.
     */
    COLUMNS_STORE(CACHING, "columnsStore", PropertyKind.STRING, null, false, EnumSet.of(Api.SOOPERWIZER),
            "Directory where the columns inferred from a report's rows are kept for later JVMs, so that a new "
                    + "process's first query over a report known for less than columnsTtl streams its rows instead of "
                    + "reading the whole response first to type them; 'none' keeps them in memory only. Unset: the "
                    + "system property reportsql.columnsStore, else $XDG_CACHE_HOME/reportsql/columns, else "
                    + "~/.cache/reportsql/columns (%LOCALAPPDATA%\\reportsql\\columns on Windows). Owner-only files, "
                    + "named by a hash; never used by the demo URL."),
    /**
     * How long a report response is kept and reused for the same user, report and filter values; a duration,
     * default 0 (no result cache). Set it for dashboards that repeat the same queries, so repeats cost no data
     * call.
     */
    RESULT_CACHE_TTL(CACHING, "resultCacheTtl", PropertyKind.DURATION, "0", false, EnumSet.allOf(Api.class),
            "How long a report response is kept and reused for the same user, report and exact filter values, "
                    + "so a repeated query costs no data call. 0 (the default) turns the result cache off."),
    /**
     * The most response bytes the result cache holds, in megabytes, least recently used first out; default 64.
     * A response larger than a quarter of it is never cached; raise it for large repeated reports.
     */
    RESULT_CACHE_MAX_MB(CACHING, "resultCacheMaxMb", PropertyKind.INTEGER, "64", false, EnumSet.allOf(Api.class),
            "Upper bound, in megabytes, of the response bytes the result cache holds (least recently used "
                    + "first out); a single response larger than a quarter of it is never cached."),
    /**
     * Values for report filters a query does not constrain, as {@code [Report.]Filter=value[,value...]} entries
     * separated by ';'; no default. Set it so that tools can browse reports with required filters; each use is
     * reported as a warning.
     */
    FILTER_DEFAULTS(SOOPERWIZER, "filterDefaults", PropertyKind.STRING, null, false, EnumSet.of(Api.SOOPERWIZER),
            "Values for filters a query does not constrain, so tools can browse reports with required filters: "
                    + "entries [Report.]Filter=value[,value...] separated by ';', e.g. "
                    + "'StartDate=7 days ago;EndDate=today;LineOutputDaily.BranchCode=BR01,BR02'. Relative dates: today, "
                    + "yesterday, N days|weeks|months|years ago, start of week|month|year, end of month, this month, "
                    + "last month. Each use is reported as an SQLWarning."),
    /**
     * How many rows of a report's first response are held in memory while its column types are inferred (the
     * rest go to a temporary file); default 10000. Lower it to use less memory, raise it to avoid the temporary
     * file.
     */
    INFERENCE_ROWS(SOOPERWIZER, "inferenceRows", PropertyKind.INTEGER, "10000", false, EnumSet.of(Api.SOOPERWIZER),
            "A report's column types are inferred from every row of its first response, which is held until all "
                    + "its values are classified: this many rows in memory, the rest in a temporary file (owner-only, "
                    + "deleted when read back or when the query ends)."),
    /**
     * Reportei widget catalogs to read: comma-separated paths of metrics.json files or of directories holding
     * {@code <integration>/metrics.json}; no default. Set it to get one table per widget.
     */
    METRICS_CATALOG(REPORTEI, "metricsCatalog", PropertyKind.STRING, null, false, EnumSet.of(Api.REPORTEI),
            "Widget catalog in Reportei's published format: comma-separated paths of metrics.json files, or of "
                    + "directories searched for <integration>/metrics.json. Each widget becomes a table named by its "
                    + "reference_key."),
    /**
     * The per_page of Reportei's paginated requests; default 100. Larger pages use fewer calls of the rate
     * limit.
     */
    PAGE_SIZE(REPORTEI, "pageSize", PropertyKind.INTEGER, "100", false, EnumSet.of(Api.REPORTEI),
            "per_page of paginated requests (customers): fewer, larger pages use less of the rate limit."),
    /**
     * How many later pages of a Reportei list are requested ahead, concurrently; default 4, 0 reads one page at
     * a time. Lower it to spread the rate limit over other work.
     */
    PREFETCH_PAGES(REPORTEI, "prefetchPages", PropertyKind.INTEGER, "4", false, EnumSet.of(Api.REPORTEI),
            "How many later pages are requested ahead, concurrently, once the first page has told how many there "
                    + "are. 0 reads one page at a time. Requests stay under the rate limit either way."),
    /**
     * Reportei requests per second to stay under; by default the merchant's own limit from /merchants/settings.
     * Set it lower to leave room for other clients of the same merchant.
     */
    RATE_LIMIT_PER_SECOND(REPORTEI, "rateLimitPerSecond", PropertyKind.INTEGER, null, false, EnumSet.of(Api.REPORTEI),
            "Requests per second to stay under; by default the merchant's rate_limit_per_second from "
                    + "/merchants/settings. Throttled (429) requests are retried after the wait the server asks for."),
    /**
     * Reportei requests per minute to stay under; by default the merchant's own limit from /merchants/settings.
     * Set it lower to leave room for other clients of the same merchant.
     */
    RATE_LIMIT_PER_MINUTE(REPORTEI, "rateLimitPerMinute", PropertyKind.INTEGER, null, false, EnumSet.of(Api.REPORTEI),
            "Requests per minute to stay under; by default the merchant's rate_limit_per_minute from "
                    + "/merchants/settings."),
    /**
     * The longest total wait a statement spends on throttled (429) Reportei answers before it fails with 57P03;
     * a duration, default 5m, 0 fails at the first such wait. Lower it for interactive use.
     */
    MAX_THROTTLE_WAIT(REPORTEI, "maxThrottleWait", PropertyKind.DURATION, "5m", false, EnumSet.of(Api.REPORTEI),
            "Longest total wait a statement spends on throttled (429) answers before it fails with SQLState 57P03 "
                    + "saying how long the server asked to wait. 0 fails at the first 429 whose wait is not zero."),
    /**
     * How much the connection writes to its trace, from {@code OFF} (the default) to {@code TRACE}. Set INFO or
     * DEBUG to see each statement's API calls, their status and time; secrets are never written.
     */
    LOG_LEVEL(DIAGNOSTICS, "logLevel", PropertyKind.CHOICE, "OFF", false, EnumSet.allOf(Api.class),
            "How much the connection writes to its trace: OFF, ERROR, WARN, INFO (statements and API calls with status, "
                    + "attempts, rows, bytes and time), DEBUG (also each call's filters and status lines, cache answers) "
                    + "or TRACE. Lines go to logFile, or to the java.util.logging logger dev.reportsql.trace. Never "
                    + "holds passwords, tokens or secrets.",
            List.of("OFF", "ERROR", "WARN", "INFO", "DEBUG", "TRACE")),
    /**
     * A file the connection's trace is appended to; no default (the trace goes to java.util.logging). Set it,
     * with {@link #LOG_LEVEL}, in tools where configuring JVM logging is awkward.
     */
    LOG_FILE(DIAGNOSTICS, "logFile", PropertyKind.STRING, null, false, EnumSet.allOf(Api.class),
            "Path of a file the connection's trace is appended to (created if missing), one line per event; for "
                    + "tools such as DBeaver or Jasper where setting up JVM logging is awkward. Needs logLevel."),
    /**
     * Which of Calcite's function libraries SQL may call besides the standard functions; default
     * {@code standard,postgresql}. Set it to use another database's functions, e.g. {@code standard,mysql}.
     */
    FUN(SQL, "fun", PropertyKind.CHOICE_LIST, "standard,postgresql", false, EnumSet.allOf(Api.class),
            "Which of Calcite's function libraries SQL may call besides the standard functions, which are always "
                    + "there: the default adds PostgreSQL's ILIKE, REGEXP_REPLACE, TO_CHAR, STRING_AGG, CONCAT_WS, "
                    + "SPLIT_PART and others. Libraries that define the same function differently (postgresql and "
                    + "mysql both have CONCAT) cannot be combined; the connection fails with 22023 naming them. "
                    + "See docs/sql-functions.md.",
            List.of("standard", "postgresql", "bigquery", "calcite", "clickhouse", "hive", "mssql", "mysql", "oracle",
                    "redshift", "snowflake", "spark"));

    private final PropertyTopic topic;
    private final String key;
    private final PropertyKind kind;
    private final String defaultValue;
    private final boolean required;
    private final Set<Api> apis;
    private final String description;
    private final List<String> choices;

    ConnectionProperty(PropertyTopic topic, String key, PropertyKind kind, String defaultValue, boolean required,
            Set<Api> apis, String description) {
        this(topic, key, kind, defaultValue, required, apis, description, List.of());
    }

    ConnectionProperty(PropertyTopic topic, String key, PropertyKind kind, String defaultValue, boolean required,
            Set<Api> apis, String description, List<String> choices) {
        this.topic = topic;
        this.key = key;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.required = required;
        this.apis = apis;
        this.description = description;
        this.choices = choices;
    }

    /** What the property is about; the constants are declared grouped by topic, in the topics' order. */
    public PropertyTopic topic() {
        return topic;
    }

    /** The key as written in the URL query or in {@link java.util.Properties}. */
    public String key() {
        return key;
    }

    public PropertyKind kind() {
        return kind;
    }

    /** The value used when the property is not given, or null. */
    public String defaultValue() {
        return defaultValue;
    }

    /** Whether a real (non-demo) connection fails without it. */
    public boolean required() {
        return required;
    }

    public String description() {
        return description;
    }

    /** The allowed values of a {@link PropertyKind#CHOICE} property; empty otherwise. */
    public List<String> choices() {
        return choices;
    }

    /** Whether this property means something for the given API. */
    public boolean appliesTo(Api api) {
        return apis.contains(api);
    }

    /** Whether the value is a credential that must never be shown. */
    public boolean secret() {
        return kind == PropertyKind.SECRET;
    }

    /** The property with this key (exact match, then case-insensitive), or null. */
    public static ConnectionProperty forKey(String key) {
        for (ConnectionProperty p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        for (ConnectionProperty p : values()) {
            if (p.key.equalsIgnoreCase(key)) {
                return p;
            }
        }
        return null;
    }

    /** The {@link DriverPropertyInfo} a BI tool shows for this property; secrets never show a value. */
    public DriverPropertyInfo toPropertyInfo(String currentValue) {
        String shown = secret() ? null : (currentValue != null ? currentValue : defaultValue);
        DriverPropertyInfo info = new DriverPropertyInfo(key, shown);
        info.description = description;
        info.required = required;
        if (!choices.isEmpty()) {
            info.choices = choices.toArray(new String[0]);
        } else if (kind == PropertyKind.BOOLEAN) {
            info.choices = new String[] {"true", "false"};
        }
        return info;
    }
}
