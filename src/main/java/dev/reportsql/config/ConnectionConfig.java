package dev.reportsql.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;

import dev.reportsql.error.Errors;
import dev.reportsql.observe.Activity;
import dev.reportsql.observe.Trace;
import dev.reportsql.error.SqlState;

/**
 * A parsed, validated JDBC URL plus properties: which API, where it lives, and a typed value for
 * every {@link ConnectionProperty}. Immutable; {@link #toString()} never shows secrets.
 *
 * <p>URL form: {@code jdbc:<api>:<base URL or "demo">[?key=value&key=value]}. A key may be given in
 * the URL query or in Properties, not both; unknown keys, duplicates and bad values fail with 22023,
 * except the properties tools add for other drivers ({@link ForeignProperties}), which are ignored
 * with a notice ({@link #notices()}) that the connection turns into an SQLWarning.
 */
public final class ConnectionConfig {
    /** The target that starts the in-process sandbox instead of talking to a real server. */
    public static final String DEMO = "demo";

    private final Api api;
    private final String target;
    private final Map<ConnectionProperty, String> values;
    private final List<String> notices;

    private ConnectionConfig(Api api, String target, Map<ConnectionProperty, String> values, List<String> notices) {
        this.api = api;
        this.target = target;
        this.values = values;
        this.notices = List.copyOf(notices);
    }

    /**
     * Parses and validates. Missing required properties are reported too, except for the demo
     * target, which supplies its own credentials.
     */
    public static ConnectionConfig parse(String url, Properties info) throws SQLException {
        ConnectionConfig config = parseLenient(url, info);
        config.checkRequired();
        return config;
    }

    /** Parses and validates values without demanding required properties (for getPropertyInfo). */
    public static ConnectionConfig parseLenient(String url, Properties info) throws SQLException {
        Api api = Api.forUrl(url);
        if (api == null) {
            throw Errors.sql(SqlState.UNABLE_TO_CONNECT, "Not a ReportSQL URL: expected "
                    + java.util.Arrays.stream(Api.values()).map(a -> a.urlPrefix() + "...")
                            .collect(java.util.stream.Collectors.joining(" or ")));
        }
        String rest = url.substring(api.urlPrefix().length());
        int q = rest.indexOf('?');
        String target = (q < 0 ? rest : rest.substring(0, q)).trim();
        String query = q < 0 ? "" : rest.substring(q + 1);

        Map<ConnectionProperty, String> values = new EnumMap<>(ConnectionProperty.class);
        List<String> notices = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (skipForeign(key, notices)) {
                continue;
            }
            ConnectionProperty p = lookup(api, key);
            if (values.containsKey(p)) {
                throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE,
                        "Connection property '" + p.key() + "' is given twice in the URL; keep one");
            }
            values.put(p, value);
        }
        if (info != null) {
            for (String key : info.stringPropertyNames()) {
                if (skipForeign(key, notices)) {
                    continue;
                }
                ConnectionProperty p = lookup(api, key);
                if (values.containsKey(p)) {
                    throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "Connection property '" + p.key()
                            + "' is given both in the URL and in the connection properties; keep one");
                }
                values.put(p, info.getProperty(key));
            }
        }
        for (Map.Entry<ConnectionProperty, String> e : values.entrySet()) {
            validate(e.getKey(), e.getValue());
        }
        if (api.login() == Api.Login.API_TOKEN) {
            TokenCredentials.normalize(api, values, notices);
        }
        if (target.isEmpty() && api.defaultBaseUrl() != null) {
            target = api.defaultBaseUrl();
        }
        if (target.isEmpty()) {
            throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "The URL names no API address: use "
                    + api.urlPrefix() + "https://<api host> or " + api.urlPrefix() + DEMO);
        }
        if (!target.equalsIgnoreCase(DEMO)) {
            validate("API base URL", target);
            target = stripTrailingSlash(target);
        } else {
            target = DEMO;
        }
        return new ConnectionConfig(api, target, values, notices);
    }

    /** Whether {@code key} is another driver's standard property: noted as a warning and skipped. */
    private static boolean skipForeign(String key, List<String> notices) {
        if (ConnectionProperty.forKey(key) == null && ForeignProperties.isForeign(key)) {
            notices.add(ForeignProperties.notice(key));
            return true;
        }
        return false;
    }

    private static ConnectionProperty lookup(Api api, String key) throws SQLException {
        ConnectionProperty p = ConnectionProperty.forKey(key);
        if (p == null) {
            throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "Unknown connection property '" + key
                    + "'; see docs/connection-properties.md for the supported keys");
        }
        if (!p.appliesTo(api)) {
            throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "Connection property '" + p.key()
                    + "' does not apply to " + api.urlPrefix() + " URLs; remove it");
        }
        return p;
    }

    private void checkRequired() throws SQLException {
        if (isDemo()) {
            return;
        }
        // The client-credentials grant logs in as the client's service account: no user or password.
        boolean serviceAccount = "client_credentials".equalsIgnoreCase(get(ConnectionProperty.GRANT_TYPE).trim());
        for (ConnectionProperty p : ConnectionProperty.values()) {
            boolean userCredential = p == ConnectionProperty.USER || p == ConnectionProperty.PASSWORD;
            // A token API's password is its API token (TokenCredentials), which is checked as apiToken.
            boolean exempt = userCredential && (serviceAccount || api.login() == Api.Login.API_TOKEN);
            if (p.required() && p.appliesTo(api) && get(p) == null && !exempt) {
                SqlState state = (p == ConnectionProperty.USER || p.secret())
                        ? SqlState.INVALID_AUTHORIZATION : SqlState.INVALID_PARAMETER_VALUE;
                throw Errors.sql(state, "Connection property '" + p.key() + "' is required: " + p.description());
            }
        }
    }

    static void validate(ConnectionProperty p, String value) throws SQLException {
        String shown = p.secret() ? "***" : value;
        switch (p.kind()) {
            case INTEGER -> {
                try {
                    if (Long.parseLong(value.trim()) < 0) {
                        throw Errors.badProperty(p.key(), shown, p.kind().expected());
                    }
                } catch (NumberFormatException e) {
                    throw Errors.badProperty(p.key(), shown, p.kind().expected());
                }
            }
            case BOOLEAN -> {
                String v = value.trim().toLowerCase(Locale.ROOT);
                if (!v.equals("true") && !v.equals("false")) {
                    throw Errors.badProperty(p.key(), shown, p.kind().expected());
                }
            }
            case DURATION -> {
                if (parseDuration(value) == null) {
                    throw Errors.badProperty(p.key(), shown, p.kind().expected());
                }
            }
            case URL -> {
                if (!isHttpUrl(value)) {
                    throw Errors.badProperty(p.key(), shown, p.kind().expected());
                }
            }
            case CHOICE -> {
                if (p.choices().stream().noneMatch(c -> c.equalsIgnoreCase(value.trim()))) {
                    throw Errors.badProperty(p.key(), shown, "one of " + p.choices());
                }
            }
            case CHOICE_LIST -> {
                String[] items = value.split(",", -1);
                for (String item : items) {
                    if (p.choices().stream().noneMatch(c -> c.equalsIgnoreCase(item.trim()))) {
                        throw Errors.badProperty(p.key(), shown, "a comma-separated list of " + p.choices());
                    }
                }
            }
            default -> {
                // STRING and SECRET accept any text.
            }
        }
    }

    private static void validate(String what, String url) throws SQLException {
        if (!isHttpUrl(url)) {
            throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "The " + what + " '" + url
                    + "' is not an http:// or https:// URL (or 'demo' for the built-in sandbox)");
        }
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Parses {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h} or a plain number of seconds; null if invalid. */
    static Duration parseDuration(String text) {
        String v = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return nonNegative(Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim())));
            }
            char unit = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
            String number = Character.isLetter(unit) ? v.substring(0, v.length() - 1).trim() : v;
            long n = Long.parseLong(number);
            return nonNegative(switch (unit) {
                case 'h' -> Duration.ofHours(n);
                case 'm' -> Duration.ofMinutes(n);
                case 's' -> Duration.ofSeconds(n);
                default -> Character.isLetter(unit) ? null : Duration.ofSeconds(n);
            });
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static Duration nonNegative(Duration d) {
        return d == null || d.isNegative() ? null : d;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String stripTrailingSlash(String s) {
        String t = s.trim();
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    public Api api() {
        return api;
    }

    /** The API base URL without trailing slash, or {@link #DEMO}. */
    public String target() {
        return target;
    }

    public boolean isDemo() {
        return DEMO.equals(target);
    }

    /** The given value, else the default, else null. */
    public String get(ConnectionProperty p) {
        String v = values.get(p);
        return v != null ? v : p.defaultValue();
    }

    /** Whether the caller set this property explicitly. */
    public boolean isSet(ConnectionProperty p) {
        return values.containsKey(p);
    }

    public Duration duration(ConnectionProperty p) {
        String v = get(p);
        return v == null ? null : parseDuration(v);
    }

    public long integer(ConnectionProperty p) {
        return Long.parseLong(get(p).trim());
    }

    public boolean bool(ConnectionProperty p) {
        return Boolean.parseBoolean(get(p).trim());
    }

    /** The explicitly given values, for building a derived config; secrets included, so keep it internal. */
    Map<ConnectionProperty, String> explicitValues() {
        return Collections.unmodifiableMap(values);
    }

    /** A copy with some values replaced (used by the demo URL to fill in sandbox addresses). */
    public ConnectionConfig with(ConnectionProperty p, String value) {
        Map<ConnectionProperty, String> copy = new EnumMap<>(ConnectionProperty.class);
        copy.putAll(values);
        copy.put(p, value);
        return new ConnectionConfig(api, target, copy, notices);
    }

    /** A copy aimed at a different base URL (the demo sandbox's address), keeping every property. */
    public ConnectionConfig withTarget(String baseUrl) {
        Map<ConnectionProperty, String> copy = new EnumMap<>(ConnectionProperty.class);
        copy.putAll(values);
        return new ConnectionConfig(api, stripTrailingSlash(baseUrl), copy, notices);
    }

    /** What was accepted but not used (foreign properties, a Reportei user name), for connection warnings. */
    /**
     * A new record of the connection's activity, with its trace opened as {@code logLevel} and
     * {@code logFile} say; fails with 08001 when the trace file cannot be opened.
     */
    public Activity newActivity() throws SQLException {
        try {
            return new Activity(Trace.open(get(ConnectionProperty.LOG_LEVEL), get(ConnectionProperty.LOG_FILE)));
        } catch (java.io.IOException e) {
            throw Errors.sql(SqlState.UNABLE_TO_CONNECT, "Cannot open the trace file given by logFile ("
                    + e.getMessage() + "); give a writable path, or leave logFile unset", e);
        }
    }

    public List<String> notices() {
        return notices;
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", api.urlPrefix() + target + " {", "}");
        values.forEach((p, v) -> j.add(p.key() + "=" + (p.secret() ? "***" : v)));
        return j.toString();
    }
}
