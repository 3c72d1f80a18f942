package dev.reportsql.config;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

/**
 * For an API that authenticates with one API token and has no user names ({@link Api.Login#API_TOKEN}, e.g.
 * Reportei's merchant token). Tools and pools only know user and password fields
 * ({@code DataSource.getConnection(user, password)}, DBeaver's credential form), so {@code password} is taken as the
 * API token and a user name is accepted and not used.
 */
final class TokenCredentials {
    private TokenCredentials() {
    }

    static void normalize(Api api, Map<ConnectionProperty, String> values, List<String> notices) throws SQLException {
        String password = values.remove(ConnectionProperty.PASSWORD);
        String user = values.remove(ConnectionProperty.USER);
        if (password != null && !password.isEmpty()) {
            String token = values.get(ConnectionProperty.API_TOKEN);
            if (token != null && !token.equals(password)) {
                throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "Both 'password' and 'apiToken' are given, with "
                        + "different values; give the " + api.displayName() + " API token once, as either of them");
            }
            values.put(ConnectionProperty.API_TOKEN, password);
        }
        if (user != null && !user.isBlank()) {
            notices.add(api.displayName() + " has no user names: user '" + user + "' is ignored (the API token, given "
                    + "as password or apiToken, identifies the account)");
        }
    }
}
