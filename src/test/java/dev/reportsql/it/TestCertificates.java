package dev.reportsql.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Assumptions;

/**
 * Self-signed server certificates made at test time with the JDK's {@code keytool}, and trust
 * stores that hold them. A JDK without keytool skips the calling test with the reason.
 */
final class TestCertificates {
    static final String PASSWORD = "changeit-test";

    private final Path dir;
    private final Path keytool;

    TestCertificates(Path dir) {
        this.dir = dir;
        this.keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Assumptions.assumeTrue(Files.isExecutable(keytool), () -> "TLS tests skipped: no keytool at " + keytool);
    }

    /** A PKCS12 key store with a new self-signed certificate for these subject alternative names. */
    Path serverKeyStore(String name, String subjectAltNames) throws IOException {
        Path store = dir.resolve(name + ".p12");
        run("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=" + name, "-ext", "SAN=" + subjectAltNames,
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        return store;
    }

    /** A trust store of the given type holding only the certificate of {@code serverKeyStore}. */
    Path trustStore(Path serverKeyStore, String name, String type) throws IOException {
        Path cert = dir.resolve(name + ".cer");
        Path store = dir.resolve(name + "." + type.toLowerCase(java.util.Locale.ROOT));
        run("-exportcert", "-alias", serverKeyStore.getFileName().toString().replace(".p12", ""),
                "-keystore", serverKeyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
                "-file", cert.toString());
        run("-importcert", "-noprompt", "-alias", "server", "-file", cert.toString(),
                "-keystore", store.toString(), "-storetype", type, "-storepass", PASSWORD);
        return store;
    }

    /** A server-side TLS context presenting the key store's certificate. */
    static SSLContext serverContext(Path keyStore) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private void run(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(keytool.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool " + String.join(" ", args) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
