package dev.reportsql.sandbox.sooperwizer;

/** A client error the API answers with 400 and {@code {"message": ...}}. */
final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
        super(message);
    }
}
