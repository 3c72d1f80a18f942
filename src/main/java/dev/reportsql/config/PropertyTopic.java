package dev.reportsql.config;

/**
 * What a connection property is about. {@link ConnectionProperty} declares its constants grouped by
 * topic in this order, and docs/connection-properties.md has one section per topic.
 */
public enum PropertyTopic {
    CONNECTION("Connection", "Who connects, and where the report tables appear."),
    AUTHENTICATION("Authentication", "How the driver gets its tokens: Keycloak for Sooperwizer, API and customer "
            + "tokens for Reportei."),
    TRANSPORT("Transport", "Timeouts and TLS of every HTTP call to the API and to the token endpoint."),
    RETRIES("Retries", "What happens after a failed or throttled call."),
    LIMITS("Limits", "Guards against a query that would read or call far more than intended."),
    CACHING("Caching", "What the driver remembers between statements and connections, and for how long."),
    SOOPERWIZER("Sooperwizer reports", "How Sooperwizer reports are read."),
    REPORTEI("Reportei", "Reportei's widget catalog, paging and rate limits."),
    DIAGNOSTICS("Diagnostics", "The connection's trace of statements and API calls."),
    SQL("SQL", "Which functions SQL may call.");

    private final String title;
    private final String summary;

    PropertyTopic(String title, String summary) {
        this.title = title;
        this.summary = summary;
    }

    /** The heading of this topic's section in the docs. */
    public String title() {
        return title;
    }

    /** One sentence under the heading. */
    public String summary() {
        return summary;
    }
}
