package dev.reportsql.sandbox.reportei;

/** A request the Reportei sandbox answers with an error status and {@code {"message": ...}}. */
final class ReporteiRefusal extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    ReporteiRefusal(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
