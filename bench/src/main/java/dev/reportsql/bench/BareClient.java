package dev.reportsql.bench;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The baseline: what a hand-written client of the API does with no SQL at all. One OkHttp client
 * (connections reused), a Keycloak password grant, a get-data POST, and a Jackson streaming parser
 * that reads every value of every row into the Java type a JDBC user of that column gets:
 * {@code String}, {@code long}, {@code double}, {@code boolean}, {@code BigDecimal},
 * {@code LocalDate}, {@code LocalDateTime} ({@link ColumnKinds}, the schema the client's author
 * knows).
 */
final class BareClient {
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http = new OkHttpClient();
    private final JsonFactory json = new JsonFactory();
    private final String keycloakUrl;
    private final String apiUrl;

    /** What one read of a response found: rows, rows passing the residual check, and a value checksum. */
    record Scan(long rows, long matched, long checksum) {
    }

    BareClient(String keycloakUrl, String apiUrl) {
        this.keycloakUrl = keycloakUrl;
        this.apiUrl = apiUrl;
    }

    /** Password grant; returns the access token. */
    String token(String user, String password) throws IOException {
        Request request = new Request.Builder()
                .url(keycloakUrl + "/realms/wimetrix/protocol/openid-connect/token")
                .post(new FormBody.Builder().add("grant_type", "password").add("client_id", "frontend")
                        .add("username", user).add("password", password).add("scope", "openid").build())
                .build();
        try (Response response = http.newCall(request).execute(); JsonParser p = json.createParser(response.body().byteStream())) {
            if (response.code() != 200) {
                throw new IOException("token endpoint answered " + response.code());
            }
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME && "access_token".equals(p.currentName())) {
                    p.nextToken();
                    return p.getText();
                }
            }
        }
        throw new IOException("no access_token in the token response");
    }

    /**
     * POSTs {@code body} to get-data and reads every value of every row into the type {@code kinds}
     * gives its key. A row counts as matched when the integer field {@code residualKey} (null: none)
     * is greater than {@code residualMin}. {@code maxRows} stops after that many rows (the cold case
     * reads one).
     */
    Scan getData(String token, String body, ColumnKinds kinds, String residualKey, long residualMin, long maxRows)
            throws IOException {
        Request request = new Request.Builder().url(apiUrl + "/report/get-data")
                .header("Authorization", "Bearer " + token)
                .post(RequestBody.create(body, JSON_TYPE)).build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() != 200) {
                throw new IOException("get-data answered " + response.code() + ": " + response.body().string());
            }
            return read(response.body().byteStream(), kinds, residualKey, residualMin, maxRows);
        }
    }

    /** What to do with an open get-data body. */
    interface BodyReader {
        long read(InputStream body) throws Exception;
    }

    /** POSTs {@code body} to get-data and hands the open response body to {@code reader}. */
    long withBody(String token, String body, BodyReader reader) throws Exception {
        Request request = new Request.Builder().url(apiUrl + "/report/get-data")
                .header("Authorization", "Bearer " + token)
                .post(RequestBody.create(body, JSON_TYPE)).build();
        try (Response response = http.newCall(request).execute(); InputStream in = response.body().byteStream()) {
            return reader.read(in);
        }
    }

    /** Reads the body without parsing it: the cost of the bytes alone. Returns the byte count. */
    long wire(String token, String body) throws IOException {
        Request request = new Request.Builder().url(apiUrl + "/report/get-data")
                .header("Authorization", "Bearer " + token)
                .post(RequestBody.create(body, JSON_TYPE)).build();
        try (Response response = http.newCall(request).execute(); InputStream in = response.body().byteStream()) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
            }
            return total;
        }
    }

    private Scan read(InputStream in, ColumnKinds kinds, String residualKey, long residualMin, long maxRows)
            throws IOException {
        long rows = 0;
        long matched = 0;
        long checksum = 0;
        try (JsonParser p = json.createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("not a JSON array");
            }
            while (rows < maxRows && p.nextToken() == JsonToken.START_OBJECT) {
                boolean match = residualKey == null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonToken t = p.nextToken();
                    ColumnKinds.Kind kind = kinds.of(key);
                    switch (t) {
                        case VALUE_STRING:
                            checksum += ColumnKinds.text(p.getText(), kind);
                            break;
                        case VALUE_NUMBER_INT:
                            if (kind == ColumnKinds.Kind.DECIMAL) {
                                checksum += BigDecimal.valueOf(p.getLongValue()).scale();
                            } else if (kind == ColumnKinds.Kind.DOUBLE) {
                                checksum += (long) p.getDoubleValue();
                            } else {
                                long v = p.getLongValue();
                                checksum += v;
                                if (!match && key.equals(residualKey) && v > residualMin) {
                                    match = true;
                                }
                            }
                            break;
                        case VALUE_NUMBER_FLOAT:
                            checksum += kind == ColumnKinds.Kind.DECIMAL ? p.getDecimalValue().scale()
                                    : (long) p.getDoubleValue();
                            break;
                        case VALUE_TRUE:
                        case VALUE_FALSE:
                            checksum += p.getBooleanValue() ? 1 : 0;
                            break;
                        case VALUE_NULL:
                            break;
                        default:
                            p.skipChildren();
                    }
                }
                rows++;
                if (match) {
                    matched++;
                }
            }
        }
        return new Scan(rows, matched, checksum);
    }
}
