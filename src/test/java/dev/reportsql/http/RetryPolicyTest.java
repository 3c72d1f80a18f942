package dev.reportsql.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

/** The retry rules without a server: what is retried, how long it waits, when it gives up. */
class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(1000));

    @Test
    void backoffDoublesWithJitterUpToTheMaximum() {
        for (int i = 0; i < 200; i++) {
            long first = policy.backoff(1);
            long third = policy.backoff(3);
            long tenth = policy.backoff(10);
            assertTrue(first >= 50 && first <= 100, "first " + first);
            assertTrue(third >= 200 && third <= 400, "third " + third);
            assertTrue(tenth >= 500 && tenth <= 1000, "tenth " + tenth);
        }
    }

    @Test
    void connectionFailuresAreRetriedConfigurationAndReadTimeoutsAreNot() {
        assertTrue(RetryPolicy.retryable(new ConnectException("Connection refused")));
        assertTrue(RetryPolicy.retryable(new SocketException("Connection reset")));
        assertTrue(RetryPolicy.retryable(new EOFException("\\n not found")));
        assertTrue(RetryPolicy.retryable(new IOException("unexpected end of stream")));
        assertTrue(RetryPolicy.retryable(new SocketTimeoutException("Connect timed out")));
        assertFalse(RetryPolicy.retryable(new SocketTimeoutException("Read timed out")));
        assertFalse(RetryPolicy.retryable(new InterruptedIOException("timeout")));
        assertFalse(RetryPolicy.retryable(new UnknownHostException("nowhere.invalid")));
        assertFalse(RetryPolicy.retryable(new SSLHandshakeException("bad certificate")));
        assertFalse(RetryPolicy.retryable(new SqlExceptionCarrier(Errors.sql(SqlState.INVALID_AUTHORIZATION, "no"))));
    }

    @Test
    void givesUpAfterMaxRetriesSayingHowManyAttempts() {
        AtomicInteger tries = new AtomicInteger();
        RetryPolicy quick = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2));
        SQLException e = assertThrows(SQLException.class, () -> quick.execute("GET http://x/y", CallTracker.NONE, () -> {
            tries.incrementAndGet();
            throw new SocketException("Connection reset");
        }));
        assertEquals(3, tries.get());
        assertEquals("08006", e.getSQLState());
        assertTrue(e.getMessage().contains("GET http://x/y") && e.getMessage().contains("gave up after 3 attempts"),
                e.getMessage());
    }

    @Test
    void anSqlExceptionOfTheAttemptIsNotRetried() {
        AtomicInteger tries = new AtomicInteger();
        SQLException e = assertThrows(SQLException.class, () -> policy.execute("e", CallTracker.NONE, () -> {
            tries.incrementAndGet();
            throw Errors.sql(SqlState.INVALID_TEXT_REPRESENTATION, "not JSON");
        }));
        assertEquals(1, tries.get());
        assertEquals("22P02", e.getSQLState());
    }

    @Test
    void secretsAreMaskedInExcerptsEvenWhenCutOff() {
        assertEquals("{\"access_token\":\"***\",\"expires_in\":300}",
                HttpFailures.redact("{\"access_token\":\"abc.def\",\"expires_in\":300}"));
        assertEquals("{\"refresh_token\": \"***\"", HttpFailures.redact("{\"refresh_token\": \"abc\\\"d"));
        assertEquals("{\"client_secret\":\"***\"", HttpFailures.redact("{\"client_secret\":\"s3cr"));
        assertEquals("{\"message\":\"database down\"}", HttpFailures.redact("{\"message\":\"database down\"}"));
    }
}
