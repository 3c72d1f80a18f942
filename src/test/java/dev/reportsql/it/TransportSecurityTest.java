package dev.reportsql.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.reportsql.sandbox.sooperwizer.SooperwizerSandbox;

/**
 * Transport rules through the front door: HTTPS trusts the JVM's trust store unless the
 * {@code trustStore} property names another, host names are always verified, and credentials never
 * go over plain http:// to a host that is not loopback unless {@code allowInsecureHttp=true}. The
 * HTTPS servers are sandboxes (API and token endpoint) with certificates made by keytool.
 */
class TransportSecurityTest {
    @TempDir
    static Path dir;

    static SooperwizerSandbox https;
    static SooperwizerSandbox wrongHost;
    static Path trustP12;
    static Path trustJks;
    static Path trustWrongHost;

    @BeforeAll
    static void startHttpsSandboxes() throws Exception {
        TestCertificates certs = new TestCertificates(dir);
        Path server = certs.serverKeyStore("sandbox", "ip:127.0.0.1,dns:localhost");
        trustP12 = certs.trustStore(server, "trust", "PKCS12");
        trustJks = certs.trustStore(server, "trust-jks", "JKS");
        https = SooperwizerSandbox.builder().https(TestCertificates.serverContext(server)).start();
        Path other = certs.serverKeyStore("other", "dns:reports.example.test");
        trustWrongHost = certs.trustStore(other, "trust-other", "PKCS12");
        wrongHost = SooperwizerSandbox.builder().https(TestCertificates.serverContext(other)).start();
    }

    @AfterAll
    static void stop() {
        if (https != null) {
            https.close();
        }
        if (wrongHost != null) {
            wrongHost.close();
        }
    }

    @Test
    void aCustomTrustStoreMakesASelfSignedServerWork() throws SQLException {
        assertTrue(https.apiUrl().startsWith("https://"));
        for (String[] store : new String[][] {{trustP12.toString(), "PKCS12"}, {trustJks.toString(), "JKS"}}) {
            try (Connection c = connect(https, "trustStore", store[0], "trustStoreType", store[1],
                    "trustStorePassword", TestCertificates.PASSWORD)) {
                assertEquals(480, SandboxFixture.count(c, "SELECT COUNT(*) FROM MachineDowntime"));
            }
        }
        assertFalse(https.requests("/protocol/openid-connect/token").isEmpty(), "login went over HTTPS too");
    }

    @Test
    void theJvmTrustStoreDoesNotTrustASelfSignedServer() {
        SQLException e = assertThrows(SQLException.class, () -> connect(https));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("TLS handshake"), e.getMessage());
        assertTrue(e.getMessage().contains("set the trustStore property"), e.getMessage());
        assertEquals(0, https.requests().size(), "nothing was sent before the handshake failed");
    }

    @Test
    void hostNamesAreVerifiedEvenForATrustedCertificate() {
        SQLException e = assertThrows(SQLException.class, () -> connect(wrongHost, "trustStore", trustWrongHost.toString(),
                "trustStorePassword", TestCertificates.PASSWORD));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("not valid for its host name"), e.getMessage());
        assertEquals(0, wrongHost.requests().size(), "no password was sent to a server with the wrong name");
    }

    @Test
    void trustStoreMistakesAreNamed() {
        SQLException wrongPassword = assertThrows(SQLException.class, () -> connect(https, "trustStore", trustP12.toString(),
                "trustStorePassword", "not-the-password"));
        assertEquals("22023", wrongPassword.getSQLState());
        assertTrue(wrongPassword.getMessage().contains("trustStorePassword is wrong"), wrongPassword.getMessage());
        assertFalse(wrongPassword.getMessage().contains("not-the-password"));
        SQLException missing = assertThrows(SQLException.class, () -> connect(https, "trustStore",
                dir.resolve("missing.p12").toString()));
        assertEquals("22023", missing.getSQLState());
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    @Test
    void passwordsAreNotSentOverPlainHttpToOtherHosts() {
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:sooperwizer:https://api.example.invalid?keycloakUrl=http://auth.example.invalid"
                        + "&user=alice&password=alice-pw"));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("Refusing to send the password over plain http:// to auth.example.invalid"),
                e.getMessage());
        assertTrue(e.getMessage().contains("allowInsecureHttp=true"), e.getMessage());
    }

    @Test
    void tokensAndClientSecretsAreNotSentOverPlainHttpEither() {
        SQLException api = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:sooperwizer:http://api.example.invalid?keycloakUrl=https://auth.example.invalid"
                        + "&user=alice&password=alice-pw"));
        assertEquals("08001", api.getSQLState());
        assertTrue(api.getMessage().contains("access tokens over plain http:// to api.example.invalid"), api.getMessage());
        SQLException secret = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:sooperwizer:https://api.example.invalid?keycloakUrl=http://auth.example.invalid"
                        + "&grantType=client_credentials&clientId=svc&clientSecret=s3cr3t"));
        assertTrue(secret.getMessage().contains("the client secret over plain http://"), secret.getMessage());
    }

    @Test
    void allowInsecureHttpLetsTheLoginThrough() {
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:sooperwizer:http://api.example.invalid?keycloakUrl=http://auth.example.invalid"
                        + "&user=alice&password=alice-pw&allowInsecureHttp=true&connectTimeout=3s"));
        assertEquals("08001", e.getSQLState());
        assertFalse(e.getMessage().contains("Refusing"), "the guard let it pass; the network failed: " + e.getMessage());
        assertTrue(e.getMessage().contains("auth.example.invalid"), e.getMessage());
    }

    @Test
    void loopbackNeedsNoTls() throws SQLException {
        try (SooperwizerSandbox plain = SooperwizerSandbox.start()) {
            String base = plain.apiUrl().replace("127.0.0.1", "localhost");
            String keycloak = plain.keycloakUrl().replace("127.0.0.1", "localhost");
            try (Connection c = DriverManager.getConnection("jdbc:sooperwizer:" + base + "?keycloakUrl="
                    + URLEncoder.encode(keycloak, StandardCharsets.UTF_8) + "&user=alice&password=alice-pw")) {
                assertEquals(480, SandboxFixture.count(c, "SELECT COUNT(*) FROM MachineDowntime"));
            }
        }
    }

    private static Connection connect(SooperwizerSandbox server, String... keyValues) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", "alice-pw");
        p.setProperty("keycloakUrl", server.keycloakUrl());
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return DriverManager.getConnection("jdbc:sooperwizer:" + server.apiUrl(), p);
    }
}
