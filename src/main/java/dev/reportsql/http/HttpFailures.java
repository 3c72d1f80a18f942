package dev.reportsql.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import okhttp3.Response;

/** Turns transport failures and unexpected HTTP answers into SQLExceptions that name the endpoint. */
public final class HttpFailures {
    private static final int EXCERPT_CHARS = 200;
    /** Token and catalog bodies are read whole into memory, so they are capped lower than streamed data. */
    public static final long IN_MEMORY_LIMIT = 64L * 1024 * 1024;

    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(\"[A-Za-z0-9_.-]*(?i:token|password|secret)[A-Za-z0-9_.-]*\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"?");

    private HttpFailures() {
    }

    /**
     * An IOException of a call to {@code endpoint}. Failing to connect at all is 08001 (check the
     * URL or network); failing after the request went out is 08006 (the server or network broke).
     */
    public static SQLException io(String endpoint, IOException e, CallTracker tracker) {
        if (e instanceof SqlExceptionCarrier carried) {
            return carried.sqlException();
        }
        SQLException aborted = tracker.abortReason();
        if (aborted != null) {
            return aborted;
        }
        if (e instanceof UnknownHostException) {
            return Errors.sql(SqlState.UNABLE_TO_CONNECT, "Cannot resolve the host of " + endpoint
                    + " (" + e.getMessage() + "); check the URL", e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return Errors.sql(SqlState.UNABLE_TO_CONNECT, "Cannot connect to " + endpoint + ": " + e.getMessage()
                    + "; check the URL and that the server is running and reachable", e);
        }
        if (e instanceof SSLPeerUnverifiedException) {
            return Errors.sql(SqlState.UNABLE_TO_CONNECT, "The TLS certificate of " + endpoint
                    + " is not valid for its host name (" + e.getMessage() + "); host names are always verified: "
                    + "use the host name the certificate was issued for", e);
        }
        if (e instanceof SSLException) {
            String hint = e.getMessage() != null && e.getMessage().contains("PKIX")
                    ? "; the server's certificate is not trusted: if it comes from a private CA or is self-signed, "
                            + "set the trustStore property to a trust store that holds it"
                    : "";
            return Errors.sql(SqlState.UNABLE_TO_CONNECT, "TLS handshake with " + endpoint + " failed: "
                    + e.getMessage() + hint, e);
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return Errors.sql(SqlState.CONNECTION_FAILURE, "Timed out waiting for " + endpoint + " ("
                    + e.getMessage() + "); raise readTimeout or connectTimeout if the server is slow", e);
        }
        return Errors.sql(SqlState.CONNECTION_FAILURE, "Connection to " + endpoint + " failed: " + e.getMessage(), e);
    }

    /** A short, single-line, secret-free excerpt of an error body for messages. */
    public static String excerpt(Response response) {
        try {
            return excerpt(response.peekBody(4096).string());
        } catch (IOException | RuntimeException e) {
            return "(body unreadable: " + e.getClass().getSimpleName() + ")";
        }
    }

    /** A short, single-line, secret-free excerpt of a body already read. */
    public static String excerpt(String body) {
        String flat = redact(body).replaceAll("\\s+", " ").trim();
        return flat.length() > EXCERPT_CHARS ? flat.substring(0, EXCERPT_CHARS) + "..." : flat;
    }

    /**
     * Masks the values of JSON fields that hold credentials (any key containing token, password
     * or secret), also when the body was cut inside such a value. Error excerpts go through it,
     * since a broken token response may still carry a token.
     */
    public static String redact(String text) {
        return SECRET_FIELD.matcher(text).replaceAll("$1\"***\"");
    }

    /**
     * Reads a whole (small) body as UTF-8 text, at most {@code maxBytes} (0: {@link #IN_MEMORY_LIMIT});
     * a longer body fails with 22000 carried in an IOException, like {@link GuardedBody}.
     */
    public static String readText(Response response, long maxBytes, String endpoint) throws IOException {
        long limit = maxBytes <= 0 ? IN_MEMORY_LIMIT : Math.min(maxBytes, IN_MEMORY_LIMIT);
        try (GuardedBody in = new GuardedBody(response.body().byteStream(), limit, endpoint, response.code())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
