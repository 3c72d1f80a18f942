package dev.reportsql.it;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportsql.sandbox.RecordedRequest;
import dev.reportsql.sandbox.sooperwizer.SooperwizerSandbox;

/**
 * Runs corpus queries on the driver (against a sandbox, one connection per user) and on an
 * {@link H2Mirror} of the same rows, and says how the answers and the driver's get-data calls
 * differ from what they must be.
 */
final class DifferentialHarness implements AutoCloseable {
    /** In {@code @error STATE only-driver reason}: H2 cannot hold the values, so only the driver runs. */
    static final String ONLY_DRIVER = "only-driver";
    /** {@code @known requests: reason}: the driver's calls differ from @requests, its answer must not. */
    static final String KNOWN_REQUESTS = "requests:";

    private final SooperwizerSandbox sandbox;
    private final Map<String, Connection> drivers = new LinkedHashMap<>();
    private final H2Mirror h2;

    DifferentialHarness(SooperwizerSandbox sandbox, List<DifferentialCorpus.Table> tables) throws Exception {
        this.sandbox = sandbox;
        this.h2 = new H2Mirror();
        for (DifferentialCorpus.Table t : tables) {
            h2.mirror(sandbox, driver(t.user()), t);
        }
    }

    Connection driver(String user) throws SQLException {
        Connection c = drivers.get(user);
        if (c == null) {
            Properties p = new Properties();
            p.setProperty("user", user);
            p.setProperty("password", user + "-pw");
            c = DriverManager.getConnection("jdbc:sooperwizer:" + sandbox.apiUrl() + "?keycloakUrl="
                    + URLEncoder.encode(sandbox.keycloakUrl(), StandardCharsets.UTF_8), p);
            drivers.put(user, c);
        }
        return c;
    }

    Connection h2() {
        return h2.connection();
    }

    H2Mirror mirror() {
        return h2;
    }

    /** What one engine answered: a result or an error. */
    record Answer(ResultComparison.Result result, SQLException error) {
        static Answer of(Connection c, String sql) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return new Answer(ResultComparison.Result.read(rs), null);
            } catch (SQLException e) {
                return new Answer(null, e);
            }
        }

        String describeError() {
            return error.getSQLState() + " " + error.getMessage();
        }
    }

    /** Runs the query on both engines; the problems found, empty when the driver is right. */
    List<String> check(DifferentialCorpus.Query q) throws SQLException {
        sandbox.clearRequests();
        Answer driver = Answer.of(driver(q.user()), q.sql());
        List<JsonNode> bodies = new ArrayList<>();
        for (RecordedRequest r : sandbox.requests(SandboxFixture.DATA)) {
            bodies.add(r.json());
        }
        Answer h2Answer = Answer.of(h2(), q.sqlForH2());
        List<String> problems = new ArrayList<>();
        String requests = requestDifference(q.requests(), bodies);
        String answers = answerDifference(q, h2Answer, driver);
        boolean knownRequests = q.known() != null && q.known().startsWith(KNOWN_REQUESTS);
        boolean knownAnswers = q.known() != null && !knownRequests;
        // A known difference must still be there (else the mark is stale); everything else must agree.
        check(problems, requests, knownRequests, q);
        check(problems, answers, knownAnswers, q);
        return problems;
    }

    private static void check(List<String> problems, String difference, boolean known, DifferentialCorpus.Query q) {
        if (known && difference == null) {
            problems.add("marked @known (" + q.known() + ") but the driver now agrees: remove @known");
        } else if (!known && difference != null) {
            problems.add(difference);
        }
    }

    /** Null when the driver's answer is the one H2's implies (or the expected error). */
    static String answerDifference(DifferentialCorpus.Query q, Answer h2, Answer driver) {
        if (q.error() != null) {
            String state = q.error().split("\\s+")[0];
            if (driver.error() != null && !state.equals(driver.error().getSQLState())) {
                return "expected SQLState " + state + ", the driver failed with " + driver.describeError();
            }
            if (q.error().contains(ONLY_DRIVER)) {
                return driver.error() != null ? null : "expected SQLState " + state + " but the driver answered "
                        + driver.result().rows().size() + " rows";
            }
            if (h2.error() == null) {
                return "expected an error " + q.error() + " but H2 answered " + h2.result().rows().size() + " rows";
            }
            if (driver.error() == null) {
                return "expected SQLState " + state + " (H2 failed: " + h2.describeError() + ") but the driver answered "
                        + driver.result().rows();
            }
            return null;
        }
        if (h2.error() != null) {
            return "H2 failed (" + h2.describeError() + "): give the query an @h2 variant in H2's dialect"
                    + (driver.error() != null ? "; the driver failed too: " + driver.describeError() : "");
        }
        if (driver.error() != null) {
            return "the driver failed: " + driver.describeError();
        }
        ResultComparison.Ordering ordering = OrderKeys.of(q.sql(), driver.result().labels(), q.orderKeys());
        return ResultComparison.difference(h2.result(), driver.result(), ordering);
    }

    /** Null when the bodies sent are the expected ones (in any order: joins may scan in either). */
    static String requestDifference(JsonNode expected, List<JsonNode> sent) {
        List<JsonNode> missing = new ArrayList<>();
        expected.forEach(missing::add);
        List<JsonNode> extra = new ArrayList<>();
        for (JsonNode b : sent) {
            if (!missing.remove(b)) {
                extra.add(b);
            }
        }
        if (missing.isEmpty() && extra.isEmpty()) {
            return null;
        }
        return "get-data bodies: expected " + expected + ", sent " + sent;
    }

    @Override
    public void close() throws SQLException {
        for (Connection c : drivers.values()) {
            c.close();
        }
        h2.close();
    }
}
