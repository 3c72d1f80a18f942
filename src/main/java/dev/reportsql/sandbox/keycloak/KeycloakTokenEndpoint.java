package dev.reportsql.sandbox.keycloak;

import dev.reportsql.sandbox.HttpReplies;
import dev.reportsql.sandbox.RecordedRequest;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The token endpoint of a simulated Keycloak realm {@code wimetrix} with the public client
 * {@code frontend}. Checks run in Keycloak's order (realm, grant type, client, duplicated
 * parameters, then the grant) and failures carry Keycloak's status, error and description.
 */
final class KeycloakTokenEndpoint {
    static final String PREFIX = "/auth";
    static final String REALM = "wimetrix";
    static final String CLIENT_ID = "frontend";
    private static final String TOKEN_PATH = "protocol/openid-connect/token";
    private static final String INVALID_GRANT = "invalid_grant";
    private static final String INVALID_REQUEST = "invalid_request";
    private static final String INVALID_CLIENT = "invalid_client";

    private final UserDirectory users;
    private final TokenStore tokens;

    KeycloakTokenEndpoint(UserDirectory users, TokenStore tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    void handle(HttpExchange exchange, RecordedRequest request) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Pragma", "no-cache");
        String rest = request.path().substring(PREFIX.length());
        if (!rest.startsWith("/realms/")) {
            notFound(exchange);
            return;
        }
        rest = rest.substring("/realms/".length());
        int slash = rest.indexOf('/');
        String realm = slash < 0 ? rest : rest.substring(0, slash);
        if (!realm.equals(REALM)) {
            HttpReplies.oauthError(exchange, 404, "Realm does not exist", "Realm does not exist");
            return;
        }
        if (slash < 0 || !rest.substring(slash + 1).equals(TOKEN_PATH)) {
            notFound(exchange);
            return;
        }
        if (!request.method().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST, OPTIONS");
            HttpReplies.oauthError(exchange, 405, "HTTP 405 Method Not Allowed",
                    "For more on this error consult the server log.");
            return;
        }
        token(exchange, formParameters(request));
    }

    private void token(HttpExchange exchange, Map<String, List<String>> form) throws IOException {
        // Keycloak reads an empty form from a body of any other content type.
        String grantType = first(form, "grant_type");
        if (grantType == null) {
            HttpReplies.oauthError(exchange, 400, INVALID_REQUEST, "Missing form parameter: grant_type");
            return;
        }
        if (!grantType.equals("password") && !grantType.equals("refresh_token")) {
            HttpReplies.oauthError(exchange, 400, "unsupported_grant_type", "Unsupported grant_type");
            return;
        }
        String clientId = first(form, "client_id");
        if (clientId == null) {
            HttpReplies.oauthError(exchange, 400, INVALID_CLIENT, "Missing client_id parameter");
            return;
        }
        if (!clientId.equals(CLIENT_ID)) {
            HttpReplies.oauthError(exchange, 401, INVALID_CLIENT, "Invalid client or Invalid client credentials");
            return;
        }
        for (List<String> values : form.values()) {
            if (values.size() != 1) {
                HttpReplies.oauthError(exchange, 400, INVALID_REQUEST, "duplicated parameter");
                return;
            }
        }
        if (grantType.equals("password")) {
            passwordGrant(exchange, form);
        } else {
            refreshGrant(exchange, form);
        }
    }

    private void passwordGrant(HttpExchange exchange, Map<String, List<String>> form) throws IOException {
        String username = first(form, "username");
        if (username == null) {
            HttpReplies.oauthError(exchange, 401, INVALID_REQUEST, "Missing parameter: username");
            return;
        }
        String user = users.find(username);
        if (user == null) {
            HttpReplies.oauthError(exchange, 400, INVALID_GRANT, "Invalid user credentials");
            return;
        }
        // Keycloak checks the account before the password.
        if (users.isDisabled(user)) {
            HttpReplies.oauthError(exchange, 400, INVALID_GRANT, "Account disabled");
            return;
        }
        if (!users.passwordMatches(user, first(form, "password"))) {
            HttpReplies.oauthError(exchange, 400, INVALID_GRANT, "Invalid user credentials");
            return;
        }
        String scope = first(form, "scope");
        boolean openid = scope != null && List.of(scope.split(" ")).contains("openid");
        success(exchange, tokens.login(user, openid));
    }

    private void refreshGrant(HttpExchange exchange, Map<String, List<String>> form) throws IOException {
        String refreshToken = first(form, "refresh_token");
        if (refreshToken == null) {
            HttpReplies.oauthError(exchange, 400, INVALID_REQUEST, "No refresh token");
            return;
        }
        TokenStore.RefreshLookup lookup = tokens.lookupRefreshToken(refreshToken);
        if (lookup.failure() != null) {
            HttpReplies.oauthError(exchange, 400, INVALID_GRANT, lookup.failure().description());
            return;
        }
        if (users.isDisabled(lookup.user())) {
            HttpReplies.oauthError(exchange, 400, INVALID_GRANT, "User disabled");
            return;
        }
        success(exchange, tokens.refresh(lookup));
    }

    private static void success(HttpExchange exchange, TokenStore.Grant grant) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", grant.accessToken());
        body.put("expires_in", grant.expiresIn());
        body.put("refresh_expires_in", grant.refreshExpiresIn());
        body.put("refresh_token", grant.refreshToken());
        body.put("token_type", "Bearer");
        if (grant.idToken() != null) {
            body.put("id_token", grant.idToken());
        }
        body.put("not-before-policy", 0);
        body.put("session_state", grant.sessionState());
        body.put("scope", grant.openid() ? "openid profile email" : "profile email");
        HttpReplies.json(exchange, 200, body);
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        HttpReplies.oauthError(exchange, 404, "Unable to find matching target resource method",
                "For more on this error consult the server log.");
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null ? null : values.get(0);
    }

    /** The form fields of a form-encoded body; any other content type reads as an empty form. */
    static Map<String, List<String>> formParameters(RecordedRequest request) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        String contentType = request.header("content-type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).trim()
                .startsWith("application/x-www-form-urlencoded")) {
            return form;
        }
        try {
            for (String pair : request.body().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        } catch (IllegalArgumentException e) {
            // A malformed %-escape: treat the body as unreadable, like an empty form.
            form.clear();
        }
        return form;
    }
}
