package dev.reportsql.keycloak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The realm the tests import: {@code ../shared/keycloak/wimetrix-realm.json} as it is (read in
 * place, never copied into the tree), plus what the tests add at import time:
 * <ul>
 * <li>{@code dave}/{@code dave-pw} with the role: the sandbox shows him only reports 101 and 103
 *     (isolation tests);</li>
 * <li>{@code erin} and {@code frank} with the role: accounts the tests change (password, enabled),
 *     so alice stays untouched whatever happens;</li>
 * <li>confidential client {@value #CONFIDENTIAL} with a secret, the password grant and a service
 *     account that has the role (the realm's {@code test-admin} client has a service account too,
 *     but without the role, so the API answers it with 400).</li>
 * </ul>
 */
public final class TestRealm {
    public static final String REALM = "wimetrix";
    public static final String FRONTEND = "frontend";
    public static final String ROLE = "report:integration:get";
    public static final String CONFIDENTIAL = "reportsql-confidential";
    public static final String CONFIDENTIAL_SECRET = "reportsql-confidential-secret-9f3a";
    public static final String ADMIN_CLIENT = "test-admin";
    public static final String ADMIN_SECRET = "test-admin-secret";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestRealm() {
    }

    /** The realm to import, as JSON text. */
    static String json(Path sharedRealm) throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(Files.readString(sharedRealm, StandardCharsets.UTF_8));
        ArrayNode users = realm.withArrayProperty("users");
        users.add(user("dave", "dave-pw", true));
        users.add(user("erin", "erin-pw", true));
        users.add(user("frank", "frank-pw", true));
        ObjectNode serviceAccount = JSON.createObjectNode()
                .put("username", "service-account-" + CONFIDENTIAL)
                .put("enabled", true)
                .put("serviceAccountClientId", CONFIDENTIAL);
        serviceAccount.putArray("realmRoles").add(ROLE);
        users.add(serviceAccount);
        ObjectNode client = JSON.createObjectNode()
                .put("clientId", CONFIDENTIAL)
                .put("enabled", true)
                .put("publicClient", false)
                .put("secret", CONFIDENTIAL_SECRET)
                .put("serviceAccountsEnabled", true)
                .put("directAccessGrantsEnabled", true)
                .put("standardFlowEnabled", false);
        realm.withArrayProperty("clients").add(client);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(realm);
    }

    private static ObjectNode user(String name, String password, boolean role) {
        ObjectNode u = JSON.createObjectNode()
                .put("username", name)
                .put("enabled", true)
                .put("email", name + "@example.test")
                .put("emailVerified", true)
                .put("firstName", name)
                .put("lastName", "Tester");
        u.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
        if (role) {
            u.putArray("realmRoles").add(ROLE);
        }
        return u;
    }

    /** Names a realm version: a new shared realm file means a new database snapshot. */
    static String hash(String json) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
