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
    USER("user", PropertyKind.STRING, null, true, EnumSet.of(Api.SOOPERWIZER),
            "User name for the Keycloak password grant. Required except with the demo URL, which logs in as 'demo', "
                    + "and with grantType=client_credentials."),
    PASSWORD("password", PropertyKind.SECRET, null, true, EnumSet.of(Api.SOOPERWIZER),
            "Password for the Keycloak password grant (not used with grantType=client_credentials). Never logged or "
                    + "shown in metadata."),
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
    INFERENCE_ROWS("inferenceRows", PropertyKind.INTEGER, "200", false, EnumSet.of(Api.SOOPERWIZER),
            "How many rows of a report's first response are read to infer its column names and types."),
    CATALOG_TTL("catalogTtl", PropertyKind.DURATION, "5m", false, EnumSet.allOf(Api.class),
            "How long the list of reports (and their filters) is cached per user and API before it is read again."),
    SCHEMA("schema", PropertyKind.STRING, null, false, EnumSet.allOf(Api.class),
            "Name of the SQL schema that holds the report tables. Defaults to the API name "
                    + "('sooperwizer' or 'reportei')."),
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
