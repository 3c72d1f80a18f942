package dev.reportsql.config;

/** How a connection property's text is read and checked. */
public enum PropertyKind {
    /** Free text. */
    STRING("text"),
    /** Free text that is a credential: never logged, echoed or shown in metadata. */
    SECRET("text (secret)"),
    /** An absolute http(s) URL. */
    URL("an http:// or https:// URL"),
    /** A whole number of at least 0. */
    INTEGER("a whole number >= 0"),
    /** true or false. */
    BOOLEAN("true or false"),
    /** A duration: a number of seconds, or a number with ms, s, m or h. */
    DURATION("a duration such as 30s, 500ms, 2m, 1h or a plain number of seconds"),
    /** One of the property's listed choices. */
    CHOICE("one of the listed choices"),
    /** One or more of the property's listed choices, separated by commas. */
    CHOICE_LIST("a comma-separated list of the listed choices");

    private final String expected;

    PropertyKind(String expected) {
        this.expected = expected;
    }

    /** What a valid value looks like, for error messages and docs. */
    public String expected() {
        return expected;
    }
}
