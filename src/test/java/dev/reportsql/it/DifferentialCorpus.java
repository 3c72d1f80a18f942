package dev.reportsql.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The differential corpus: the report tables to mirror into H2 and the queries to run on both
 * engines, read from a resource. Format (one statement per line; see docs/testing.md):
 * <pre>
 * &#64;table OddNames user=oscar report=201 filters={}
 * &#64;user oscar
 * SELECT ... FROM OddNames
 *   &#64;requests [{"ReportID":201,"filters":{}}]
 *   &#64;h2 SELECT ... (the same question in H2's dialect)
 *   &#64;order 2      (result positions of the ORDER BY keys, when they are not plain output names)
 *   &#64;error 22003  (both engines must fail; the driver with this SQLState)
 *   &#64;known why the driver's answer differs (the test then asserts that it still differs)
 * </pre>
 * Lines starting with {@code --} are comments.
 */
final class DifferentialCorpus {
    private static final Pattern TABLE = Pattern.compile(
            "@table\\s+(\\S+)\\s+user=(\\S+)\\s+report=(\\d+)\\s+filters=(\\{.*})\\s*");

    /** A report mirrored into H2: the driver's table name, whose rows for these filters H2 holds. */
    record Table(String name, String user, int reportId, JsonNode filters) {
    }

    /** One corpus query with its annotations; {@code line} is its line number in the resource. */
    record Query(int line, String user, String sql, String h2Sql, JsonNode requests, List<Integer> orderKeys,
            String error, String known) {
        String sqlForH2() {
            return h2Sql != null ? h2Sql : sql;
        }

        Query withH2(String sqlText) {
            return new Query(line, user, sql, sqlText, requests, orderKeys, error, known);
        }
    }

    final List<Table> tables = new ArrayList<>();
    final List<Query> queries = new ArrayList<>();

    static DifferentialCorpus load(String resource) {
        try (InputStream in = DifferentialCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DifferentialCorpus parse(String text) {
        DifferentialCorpus corpus = new DifferentialCorpus();
        String user = null;
        Builder current = null;
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            int n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("--")) {
                    continue;
                }
                boolean indented = Character.isWhitespace(line.charAt(0));
                if (indented && t.startsWith("@")) {
                    if (current == null) {
                        throw new IllegalArgumentException("line " + n + ": annotation without a query: " + t);
                    }
                    current.annotate(n, t);
                    continue;
                }
                if (current != null) {
                    corpus.queries.add(current.build());
                    current = null;
                }
                if (t.startsWith("@table")) {
                    Matcher m = TABLE.matcher(t);
                    if (!m.matches()) {
                        throw new IllegalArgumentException("line " + n + ": expected @table NAME user=U report=ID filters={...}");
                    }
                    corpus.tables.add(new Table(m.group(1), m.group(2), Integer.parseInt(m.group(3)),
                            RawApi.JSON.readTree(m.group(4))));
                } else if (t.startsWith("@user")) {
                    user = t.substring("@user".length()).strip();
                } else if (t.startsWith("@")) {
                    throw new IllegalArgumentException("line " + n + ": unknown directive " + t);
                } else {
                    if (user == null) {
                        throw new IllegalArgumentException("line " + n + ": a query before any @user line");
                    }
                    current = new Builder(n, user, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (current != null) {
            corpus.queries.add(current.build());
        }
        return corpus;
    }

    private static final class Builder {
        private final int line;
        private final String user;
        private final String sql;
        private String h2;
        private JsonNode requests;
        private List<Integer> order;
        private String error;
        private String known;

        Builder(int line, String user, String sql) {
            this.line = line;
            this.user = user;
            this.sql = sql;
        }

        void annotate(int n, String t) throws IOException {
            int space = t.indexOf(' ');
            String key = space < 0 ? t : t.substring(0, space);
            String value = space < 0 ? "" : t.substring(space + 1).strip();
            switch (key) {
                case "@requests" -> requests = RawApi.JSON.readTree(value);
                case "@h2" -> h2 = value;
                case "@order" -> {
                    order = new ArrayList<>();
                    for (String p : value.split(",")) {
                        order.add(Integer.parseInt(p.strip()));
                    }
                }
                case "@error" -> error = value;
                case "@known" -> known = value;
                default -> throw new IllegalArgumentException("line " + n + ": unknown annotation " + key);
            }
            if (value.isEmpty()) {
                throw new IllegalArgumentException("line " + n + ": " + key + " needs a value");
            }
        }

        Query build() {
            if (requests == null) {
                throw new IllegalArgumentException("line " + line + ": every query needs @requests (the get-data "
                        + "bodies it must send, [] for none)");
            }
            return new Query(line, user, sql, h2, requests, order, error, known);
        }
    }
}
