package dev.reportsql.error;

/**
 * The SQLStates this driver raises. Every {@link java.sql.SQLException} the driver creates carries
 * one of these; the class (first two characters) tells a caller what kind of problem it is.
 */
public enum SqlState {
    /** 08001: the client could not reach the API or the token endpoint. */
    UNABLE_TO_CONNECT("08001"),
    /** 08003: the connection (or statement, or result set) is already closed. */
    CONNECTION_CLOSED("08003"),
    /** 08006: the connection failed while a call was under way (reset, truncated body, bad gateway). */
    CONNECTION_FAILURE("08006"),
    /** 08S01: the server answered with something that is not the documented protocol. */
    COMMUNICATION_LINK_FAILURE("08S01"),
    /** 0A000: a JDBC feature a read-only report driver does not support. */
    FEATURE_NOT_SUPPORTED("0A000"),
    /** 22000: data exception, general. */
    DATA_EXCEPTION("22000"),
    /** 21000: a scalar subquery returned more than one row. */
    CARDINALITY_VIOLATION("21000"),
    /** 22003: a number does not fit the column's type. */
    NUMERIC_OUT_OF_RANGE("22003"),
    /** 22007: a date or timestamp value that cannot be read. */
    INVALID_DATETIME_FORMAT("22007"),
    /** 22012: division by zero while the query ran. */
    DIVISION_BY_ZERO("22012"),
    /** 22018: a value cannot be converted to the column's type. */
    INVALID_CHARACTER_VALUE_FOR_CAST("22018"),
    /** 22023: a connection property or parameter has a bad value. */
    INVALID_PARAMETER_VALUE("22023"),
    /** 22P02: a response body that is not valid JSON of the documented shape. */
    INVALID_TEXT_REPRESENTATION("22P02"),
    /** 24000: a result set used in a state where that call is not allowed. */
    INVALID_CURSOR_STATE("24000"),
    /** 28000: credentials were rejected. */
    INVALID_AUTHORIZATION("28000"),
    /** 28P01: the account exists but may not be used (disabled, missing role). */
    AUTHORIZATION_REJECTED("28P01"),
    /** 42000: syntax error or access rule violation, general. */
    SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION("42000"),
    /** 42601: SQL syntax error. */
    SYNTAX_ERROR("42601"),
    /** 42702: a column name that matches more than one column. */
    AMBIGUOUS_COLUMN("42702"),
    /** 42703: unknown column. */
    UNDEFINED_COLUMN("42703"),
    /** 42P01: unknown table (report). */
    UNDEFINED_TABLE("42P01"),
    /** 428C9: a query does not give a report what it requires (a required filter is missing). */
    REQUIRED_FILTER_MISSING("428C9"),
    /** 42804: a value of the wrong kind (e.g. two values for a single filter). */
    DATATYPE_MISMATCH("42804"),
    /** 57014: the statement was cancelled. */
    QUERY_CANCELED("57014"),
    /** 54000: a query would make more API calls than the connection's maxCallsPerQuery allows. */
    CALL_BUDGET_EXCEEDED("54000"),
    /** 57P03: the server keeps refusing work for now (throttling that outlasted the wait allowed). */
    SERVER_THROTTLING("57P03"),
    /** HY000: an unexpected internal failure; the message says what happened. */
    GENERAL_ERROR("HY000"),
    /** HY008: operation cancelled by the caller. */
    OPERATION_CANCELED("HY008"),
    /** HYT00: the statement's query timeout expired. */
    TIMEOUT("HYT00");

    private final String code;

    SqlState(String code) {
        this.code = code;
    }

    /** The constant with this five-character code, or null. */
    public static SqlState forCode(String code) {
        for (SqlState s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        return null;
    }

    /** The five-character SQLState. */
    public String code() {
        return code;
    }
}
