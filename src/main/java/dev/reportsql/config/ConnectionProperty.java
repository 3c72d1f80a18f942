package dev.reportsql.config;

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
    USER("user", PropertyKind.STRING, null, true, EnumSet.allOf(Api.class),
            "User name for the Keycloak password grant. Required except with the demo URL, which logs in as 'demo', "
                    + "and with grantType=client_credentials. Reportei has no user names: leave it empty (a name given "
                    + "is ignored with a connection warning)."),
    PASSWORD("password", PropertyKind.SECRET, null, true, EnumSet.allOf(Api.class),
            "Password for the Keycloak password grant (not used with grantType=client_credentials). For Reportei, "
                    + "the merchant API token (the same as apiToken), so that tools' password fields work. Never logged "
                    + "or shown in metadata."),
    KEYCLOAK_URL("keycloakUrl", PropertyKind.URL, null, true, EnumSet.of(Api.SOOPERWIZER),
            "Base URL of the Keycloak server, e.g. https://auth.example.com (the token endpoint is "
                    + "{keycloakUrl}/realms/{realm}/protocol/openid-connect/token). Not needed with the demo URL."),
    REALM("realm", PropertyKind.STRING, "wimetrix", false, EnumSet.of(Api.SOOPERWIZER),
            "Keycloak realm that issues the tokens."),
    CLIENT_ID("clientId", PropertyKind.STRING, "frontend", false, EnumSet.of(Api.SOOPERWIZER),
            "Keycloak client id of every token request (a public client, or a confidential one with clientSecret)."),
    SCOPE("scope", PropertyKind.STRING, "openid", false, EnumSet.of(Api.SOOPERWIZER),
            "OAuth scope requested with the token."),
    CONNECT_TIMEOUT("connectTimeout", PropertyKind.DURATION, "10s", false, EnumSet.allOf(Api.class),
            "How long to wait for a TCP/TLS connection to the API or token endpoint. 0 waits forever."),
    READ_TIMEOUT("readTimeout", PropertyKind.DURATION, "60s", false, EnumSet.allOf(Api.class),
            "Longest silence allowed while reading a response (between two packets, not the whole body). "
                    + "0 waits forever."),
    INFERENCE_ROWS("inferenceRows", PropertyKind.INTEGER, "10000", false, EnumSet.of(Api.SOOPERWIZER),
            "A report's column types are inferred from every row of its first response, which is held until all "
                    + "its values are classified: this many rows in memory, the rest in a temporary file (owner-only, "
                    + "deleted when read back or when the query ends)."),
    CATALOG_TTL("catalogTtl", PropertyKind.DURATION, "5m", false, EnumSet.allOf(Api.class),
            "How long the list of reports (and their filters) is cached per user and API before it is read again."),
    SCHEMA("schema", PropertyKind.STRING, null, false, EnumSet.allOf(Api.class),
            "Name of the SQL schema that holds the report tables. Defaults to the API name "
                    + "('sooperwizer' or 'reportei')."),
    FILTER_DEFAULTS("filterDefaults", PropertyKind.STRING, null, false, EnumSet.of(Api.SOOPERWIZER),
            "Values for filters a query does not constrain, so tools can browse reports with required filters: "
                    + "entries [Report.]Filter=value[,value...] separated by ';', e.g. "
                    + "'StartDate=7 days ago;EndDate=today;LineOutputDaily.BranchCode=BR01,BR02'. Relative dates: today, "
                    + "yesterday, N days|weeks|months|years ago, start of week|month|year, end of month, this month, "
                    + "last month. Each use is reported as an SQLWarning."),
    MAX_RETRIES("maxRetries", PropertyKind.INTEGER, "3", false, EnumSet.allOf(Api.class),
            "How many times a token, catalog or data call is tried again after a connection failure before the "
                    + "response began, or after HTTP 429, 502, 503 or 504. A data call is never retried once its "
                    + "rows started to reach the query. 0 turns retries off."),
    RETRY_INITIAL_BACKOFF("retryInitialBackoff", PropertyKind.DURATION, "500ms", false, EnumSet.allOf(Api.class),
            "Wait before the first retry; each further retry waits twice as long (with random jitter), up to "
                    + "retryMaxBackoff. A longer Retry-After from the server wins."),
    RETRY_MAX_BACKOFF("retryMaxBackoff", PropertyKind.DURATION, "30s", false, EnumSet.allOf(Api.class),
            "Longest wait between two attempts. A server asking (Retry-After) to wait longer than this, or longer "
                    + "than the query timeout leaves, is not retried: the call fails at once."),
    MAX_RESPONSE_BYTES("maxResponseBytes", PropertyKind.INTEGER, "2147483648", false, EnumSet.allOf(Api.class),
            "Largest response body accepted, in bytes (default 2 GiB); a larger one fails the query with SQLState "
                    + "22000 instead of being read on. Rows stream, so this guards against a runaway response, not "
                    + "memory use. 0 means no limit."),
    // Reportei Connect (issue 6)
    API_TOKEN("apiToken", PropertyKind.SECRET, null, true, EnumSet.of(Api.REPORTEI),
            "The merchant's Reportei API token, sent as 'Authorization: Bearer'; may be given as password instead. "
                    + "Not needed with the demo URL. "
                    + "Never logged or shown in metadata."),
    CUSTOMER_TOKEN("customerToken", PropertyKind.SECRET, null, false, EnumSet.of(Api.REPORTEI),
            "The customer token (x-customer-token) issued when the customer was created. Needed for the "
                    + "customer_settings, customer_integrations and metric tables. Never logged or shown in metadata."),
    METRICS_CATALOG("metricsCatalog", PropertyKind.STRING, null, false, EnumSet.of(Api.REPORTEI),
            "Widget catalog in Reportei's published format: comma-separated paths of metrics.json files, or of "
                    + "directories searched for <integration>/metrics.json. Each widget becomes a table named by its "
                    + "reference_key."),
    PAGE_SIZE("pageSize", PropertyKind.INTEGER, "100", false, EnumSet.of(Api.REPORTEI),
            "per_page of paginated requests (customers): fewer, larger pages use less of the rate limit."),
    PREFETCH_PAGES("prefetchPages", PropertyKind.INTEGER, "4", false, EnumSet.of(Api.REPORTEI),
            "How many later pages are requested ahead, concurrently, once the first page has told how many there "
                    + "are. 0 reads one page at a time. Requests stay under the rate limit either way."),
    RATE_LIMIT_PER_SECOND("rateLimitPerSecond", PropertyKind.INTEGER, null, false, EnumSet.of(Api.REPORTEI),
            "Requests per second to stay under; by default the merchant's rate_limit_per_second from "
                    + "/merchants/settings. Throttled (429) requests are retried after the wait the server asks for."),
    RATE_LIMIT_PER_MINUTE("rateLimitPerMinute", PropertyKind.INTEGER, null, false, EnumSet.of(Api.REPORTEI),
            "Requests per minute to stay under; by default the merchant's rate_limit_per_minute from "
                    + "/merchants/settings."),
    MAX_THROTTLE_WAIT("maxThrottleWait", PropertyKind.DURATION, "5m", false, EnumSet.of(Api.REPORTEI),
            "Longest total wait a statement spends on throttled (429) answers before it fails with SQLState 57P03 "
                    + "saying how long the server asked to wait. 0 fails at the first 429 whose wait is not zero."),
    // Caching (issue 7)
    COLUMNS_TTL("columnsTtl", PropertyKind.DURATION, "12h", false, EnumSet.allOf(Api.class),
            "How long the columns inferred from a report's rows are reused, per user and API, by connections "
                    + "opened later (a connection keeps the columns it has seen for its whole life, except that a "
                    + "column widens when a later response has a value it does not hold)."),
    RESULT_CACHE_TTL("resultCacheTtl", PropertyKind.DURATION, "0", false, EnumSet.allOf(Api.class),
            "How long a report response is kept and reused for the same user, report and exact filter values, "
                    + "so a repeated query costs no data call. 0 (the default) turns the result cache off."),
    RESULT_CACHE_MAX_MB("resultCacheMaxMb", PropertyKind.INTEGER, "64", false, EnumSet.allOf(Api.class),
            "Upper bound, in megabytes, of the response bytes the result cache holds (least recently used "
                    + "first out); a single response larger than a quarter of it is never cached."),
    FUN("fun", PropertyKind.CHOICE_LIST, "standard,postgresql", false, EnumSet.allOf(Api.class),
            "Which of Calcite's function libraries SQL may call besides the standard functions, which are always "
                    + "there: the default adds PostgreSQL's ILIKE, REGEXP_REPLACE, TO_CHAR, STRING_AGG, CONCAT_WS, "
                    + "SPLIT_PART and others. Libraries that define the same function differently (postgresql and "
                    + "mysql both have CONCAT) cannot be combined; the connection fails with 22023 naming them. "
                    + "See docs/sql-functions.md.",
            List.of("standard", "postgresql", "bigquery", "calcite", "clickhouse", "hive", "mssql", "mysql", "oracle",
                    "redshift", "snowflake", "spark")),
    MAX_CALLS_PER_QUERY("maxCallsPerQuery", PropertyKind.INTEGER, "0", false, EnumSet.allOf(Api.class),
            "The most API calls one statement execution may make (0, the default: no limit). A query that would "
                    + "make more fails with 54000 before its calls start, naming the number; EXPLAIN shows the calls "
                    + "a query makes."),
    LOG_LEVEL("logLevel", PropertyKind.CHOICE, "OFF", false, EnumSet.allOf(Api.class),
            "How much the connection writes to its trace: OFF, ERROR, WARN, INFO (statements and API calls with status, "
                    + "attempts, rows, bytes and time), DEBUG (also each call's filters and status lines, cache answers) "
                    + "or TRACE. Lines go to logFile, or to the java.util.logging logger dev.reportsql.trace. Never "
                    + "holds passwords, tokens or secrets.",
            List.of("OFF", "ERROR", "WARN", "INFO", "DEBUG", "TRACE")),
    LOG_FILE("logFile", PropertyKind.STRING, null, false, EnumSet.allOf(Api.class),
            "Path of a file the connection's trace is appended to (created if missing), one line per event; for "
                    + "tools such as DBeaver or Jasper where setting up JVM logging is awkward. Needs logLevel."),
    // ---- authentication and transport (issue 4) ----
    GRANT_TYPE("grantType", PropertyKind.CHOICE, "password", false, EnumSet.of(Api.SOOPERWIZER),
            "How the driver gets tokens from Keycloak: 'password' logs in as user/password (the client needs "
                    + "Direct access grants); 'client_credentials' logs in as the service account of a confidential "
                    + "client (needs clientSecret; user and password are not used).",
            List.of("password", "client_credentials")),
    CLIENT_SECRET("clientSecret", PropertyKind.SECRET, null, false, EnumSet.of(Api.SOOPERWIZER),
            "Secret of a confidential Keycloak client, sent as client_secret with every token request. Leave it "
                    + "unset for a public client such as 'frontend'. Never logged or shown in metadata."),
    TRUST_STORE("trustStore", PropertyKind.STRING, null, false, EnumSet.allOf(Api.class),
            "Path of a trust store file whose certificates are trusted for HTTPS to the API and to Keycloak, instead "
                    + "of the JVM's default trust store (use it for a private CA or a self-signed server). Host names "
                    + "are always verified."),
    TRUST_STORE_PASSWORD("trustStorePassword", PropertyKind.SECRET, null, false, EnumSet.allOf(Api.class),
            "Password of the trustStore file, if it has one. Never logged or shown in metadata."),
    TRUST_STORE_TYPE("trustStoreType", PropertyKind.CHOICE, "PKCS12", false, EnumSet.allOf(Api.class),
            "Format of the trustStore file.", List.of("PKCS12", "JKS")),
    ALLOW_INSECURE_HTTP("allowInsecureHttp", PropertyKind.BOOLEAN, "false", false, EnumSet.allOf(Api.class),
            "Allow passwords, client secrets and tokens to be sent over plain http:// to a host that is not "
                    + "loopback (localhost, 127.x.x.x, ::1 are always allowed). Only for test servers: anyone on the "
                    + "network path can read and reuse them.");

    private final String key;
    private final PropertyKind kind;
    private final String defaultValue;
    private final boolean required;
    private final Set<Api> apis;
    private final String description;
    private final List<String> choices;

    ConnectionProperty(String key, PropertyKind kind, String defaultValue, boolean required, Set<Api> apis,
            String description) {
        this(key, kind, defaultValue, required, apis, description, List.of());
    }

    ConnectionProperty(String key, PropertyKind kind, String defaultValue, boolean required, Set<Api> apis,
            String description, List<String> choices) {
        this.key = key;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.required = required;
        this.apis = apis;
        this.description = description;
        this.choices = choices;
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
