package dev.reportsql.config;

import java.util.Locale;

/**
 * The report APIs the driver speaks; each has its own JDBC URL prefix. A constant says everything the shared
 * layers need to know about its API: the URL name, the default base URL, how it logs in, and the class that opens
 * its connections (an {@code dev.reportsql.sql.ApiConnector}, named here so that this package does not depend on
 * the adapters). Adding an API means adding a constant here and its own packages; see docs/architecture.md.
 */
public enum Api {
    SOOPERWIZER("sooperwizer", "Sooperwizer", null, Login.USER_PASSWORD,
            "dev.reportsql.sooperwizer.SooperwizerConnector"),
    REPORTEI("reportei", "Reportei", "https://connect.reportei.com/api", Login.API_TOKEN,
            "dev.reportsql.reportei.ReporteiConnector");

    /** How an API's connections authenticate, as far as the shared URL and property handling is concerned. */
    public enum Login {
        /** {@code user} and {@code password} are required (unless the connector's own properties say otherwise). */
        USER_PASSWORD,
        /**
         * One API token ({@code apiToken}) and no user names: {@code password} is taken as the token, so that tools'
         * password fields work, and a user name is accepted and ignored with a warning (see TokenCredentials).
         */
        API_TOKEN
    }

    private final String urlName;
    private final String displayName;
    private final String defaultBaseUrl;
    private final Login login;
    private final String connectorClass;

    Api(String urlName, String displayName, String defaultBaseUrl, Login login, String connectorClass) {
        this.urlName = urlName;
        this.displayName = displayName;
        this.defaultBaseUrl = defaultBaseUrl;
        this.login = login;
        this.connectorClass = connectorClass;
    }

    /** The base URL used when the JDBC URL names none (e.g. {@code jdbc:reportei:}), or null. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** The part after {@code jdbc:} in the URL, e.g. {@code sooperwizer}. */
    public String urlName() {
        return urlName;
    }

    /** The API's name in messages, e.g. {@code Reportei}. */
    public String displayName() {
        return displayName;
    }

    /** How its connections authenticate. */
    public Login login() {
        return login;
    }

    /** The fully qualified name of its {@code ApiConnector} (public, with a public no-argument constructor). */
    public String connectorClass() {
        return connectorClass;
    }

    /** {@code jdbc:sooperwizer:}. */
    public String urlPrefix() {
        return "jdbc:" + urlName + ":";
    }

    /** The API whose prefix starts this URL, or null. */
    public static Api forUrl(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        for (Api api : values()) {
            if (lower.startsWith(api.urlPrefix())) {
                return api;
            }
        }
        return null;
    }
}
