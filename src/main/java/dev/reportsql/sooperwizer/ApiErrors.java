package dev.reportsql.sooperwizer;

import java.sql.SQLException;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.http.HttpFailures;
import okhttp3.Response;

/** HTTP statuses of the Sooperwizer API mapped to SQLStates, as its error reference documents them. */
final class ApiErrors {
    private ApiErrors() {
    }

    static SQLException forCatalog(String endpoint, Response response) {
        int status = response.code();
        if (status == 400) {
            return Errors.sql(SqlState.AUTHORIZATION_REJECTED, endpoint + " refused to list reports (HTTP 400: "
                    + HttpFailures.excerpt(response) + "); the account needs the role report:integration:get");
        }
        return common(endpoint, response);
    }

    static SQLException forData(String endpoint, Response response) {
        if (response.code() == 400) {
            return Errors.sql(SqlState.INVALID_PARAMETER_VALUE, endpoint + " was rejected (HTTP 400: "
                    + HttpFailures.excerpt(response) + "); check the filter values in the WHERE clause");
        }
        return common(endpoint, response);
    }

    private static SQLException common(String endpoint, Response response) {
        int status = response.code();
        String excerpt = HttpFailures.excerpt(response);
        if (status == 401 || status == 403) {
            return Errors.sql(SqlState.INVALID_AUTHORIZATION, endpoint + " rejected the access token even after a new login (HTTP "
                    + status + ": " + excerpt + ")");
        }
        if (status == 404) {
            return Errors.sql(SqlState.UNABLE_TO_CONNECT, endpoint + " does not exist (HTTP 404: " + excerpt
                    + "); check the API base URL in the JDBC URL");
        }
        if (status == 429) {
            return Errors.sql(SqlState.CONNECTION_FAILURE, endpoint + " is throttling requests (HTTP 429: " + excerpt
                    + "); wait a little and run the query again, or raise maxRetries");
        }
        if (status >= 500) {
            return Errors.sql(SqlState.CONNECTION_FAILURE, endpoint + " failed with HTTP " + status + ": " + excerpt
                    + "; try again later");
        }
        return Errors.sql(SqlState.COMMUNICATION_LINK_FAILURE, endpoint + " answered an unexpected HTTP " + status + ": "
                + excerpt);
    }
}
