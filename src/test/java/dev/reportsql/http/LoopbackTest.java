package dev.reportsql.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import okhttp3.HttpUrl;

/** Which hosts may receive credentials over plain HTTP: loopback by its literal name only, never by a DNS answer. */
class LoopbackTest {
    @ParameterizedTest
    @CsvSource({
        "http://localhost:8080, true",
        "http://LOCALHOST, true",
        "http://127.0.0.1:9, true",
        "http://127.1.2.3, true",
        "http://[::1]:8080, true",
        "http://[0:0:0:0:0:0:0:1], true",
        "http://localhost.example.com, false",
        "http://127.0.0.1.example.com, false",
        "http://10.0.0.1, false",
        "http://[::2], false",
        "http://api.example.com, false"
    })
    void loopbackIsJudgedFromTheHostText(String url, boolean loopback) {
        assertEquals(loopback, HttpTransport.isLoopback(HttpUrl.get(url).host()), url);
    }
}
