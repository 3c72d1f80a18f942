package dev.reportsql.reportei;

import java.io.IOException;
import java.sql.SQLException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.http.HttpFailures;
import okhttp3.Response;

/**
 * Reportei's error answers ({@code {"message": ...}} with a status) as SQLExceptions: 401 → 28000
 * (token rejected, customer token invalid, trial ended), 403 → 28P01, 404 → 08001 for an endpoint
 * (wrong base URL) or 22023 for a uuid the query gave, 400/422 → 22023, 5xx → 08006. The server's
 * message is always part of the text.
 */
public final class ReporteiErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the failed call was about, to say what to do next. */
    public enum Target {
        /** A merchant endpoint (bearer token only). */
        MERCHANT,
        /** An endpoint acting for the connection's customer (bearer and customer token). */
        CUSTOMER,
        /** The metric data call; a 404 names the customer integration the query gave. */
        METRICS
    }

    private ReporteiErrors() {
    }

    static SQLException of(String endpoint, Response response, Target target) {
        int status = response.code();
        String message = serverMessage(response);
        String what = endpoint + " (HTTP " + status + ": " + message + ")";
        if (status == 401) {
            return Errors.sql(SqlState.INVALID_AUTHORIZATION, "Reportei refused " + what + "; "
                    + (target == Target.MERCHANT ? "check the apiToken connection property"
                            : "check the apiToken and customerToken connection properties, and that the customer's "
                                    + "trial has not ended"));
        }
        if (status == 403) {
            return Errors.sql(SqlState.AUTHORIZATION_REJECTED, "Reportei does not allow " + what
                    + (target == Target.MERCHANT ? "" : "; the customer token may only read that customer's own data"));
        }
        if (status == 404) {
            return target == Target.METRICS
                    ? Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "Reportei found nothing for " + what
                            + "; check the customer_integration uuid (SELECT uuid FROM customer_integrations)")
                    : Errors.sql(SqlState.UNABLE_TO_CONNECT, "Reportei has no " + what
                            + "; check the base URL in the JDBC URL (default https://connect.reportei.com/api)");
        }
        if (status == 400 || status == 422) {
            return Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "Reportei rejected " + what
                    + "; check the values the query gives (dates as yyyy-MM-dd, metric and dimension names)");
        }
        if (status >= 500) {
            return Errors.sql(SqlState.CONNECTION_FAILURE, "Reportei failed on " + what + "; try again later");
        }
        return Errors.sql(SqlState.COMMUNICATION_LINK_FAILURE, "Reportei answered " + what + " unexpectedly");
    }

    /** The {@code message} of an error body, or an excerpt of the body when it has none. */
    static String serverMessage(Response response) {
        try {
            JsonNode body = JSON.readTree(response.peekBody(4096).string());
            JsonNode m = body == null ? null : body.get("message");
            if (m != null && m.isTextual()) {
                return m.asText();
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: show the raw excerpt below
        }
        return HttpFailures.excerpt(response);
    }
}
