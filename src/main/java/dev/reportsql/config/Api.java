package dev.reportsql.config;

import java.util.Locale;

/** The report APIs the driver speaks; each has its own JDBC URL prefix. */
public enum Api {
    SOOPERWIZER("sooperwizer", null),
    REPORTEI("reportei", "https://connect.reportei.com/api");

    private final String urlName;
    private final String defaultBaseUrl;

    Api(String urlName, String defaultBaseUrl) {
        this.urlName = urlName;
        this.defaultBaseUrl = defaultBaseUrl;
    }

    /** The base URL used when the JDBC URL names none (e.g. {@code jdbc:reportei:}), or null. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** The part after {@code jdbc:} in the URL, e.g. {@code sooperwizer}. */
    public String urlName() {
        return urlName;
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
