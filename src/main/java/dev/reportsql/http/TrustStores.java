package dev.reportsql.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.sql.SQLException;
import java.util.Locale;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import dev.reportsql.config.ConnectionProperty;
import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

/**
 * Loads the trust store named by the {@code trustStore} property into a trust manager. Only the
 * certificates it holds are trusted; host names are still verified by OkHttp's default verifier.
 */
final class TrustStores {
    /** A loaded trust store: the socket factory to use and the trust manager OkHttp needs beside it. */
    record Loaded(SSLContext context, X509TrustManager trustManager) {
    }

    private TrustStores() {
    }

    static Loaded load(String path, String type, String password) throws SQLException {
        String key = ConnectionProperty.TRUST_STORE.key();
        try {
            KeyStore store = KeyStore.getInstance(type.trim().toUpperCase(Locale.ROOT));
            try (InputStream in = Files.newInputStream(Path.of(path))) {
                store.load(in, password == null ? null : password.toCharArray());
            }
            if (store.size() == 0) {
                throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "The trust store " + path + " (" + key
                        + ") holds no certificate; add the server's CA certificate to it");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager) {
                    X509TrustManager x509 = (X509TrustManager) tm;
                    SSLContext context = SSLContext.getInstance("TLS");
                    context.init(null, new TrustManager[] {x509}, null);
                    return new Loaded(context, x509);
                }
            }
            throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "The trust store " + path + " gives no X.509 trust manager");
        } catch (NoSuchFileException e) {
            throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "The trust store file " + path + " (" + key
                    + ") does not exist; check the path");
        } catch (IOException e) {
            // A wrong password shows as an IOException caused by UnrecoverableKeyException.
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "Cannot open the trust store " + path
                        + ": the trustStorePassword is wrong");
            }
            throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "Cannot read the trust store " + path + " as "
                    + type + " (" + e.getMessage() + "); check trustStoreType and trustStorePassword", e);
        } catch (GeneralSecurityException e) {
            throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "Cannot use the trust store " + path + " ("
                    + e.getMessage() + "); check trustStoreType", e);
        }
    }
}
