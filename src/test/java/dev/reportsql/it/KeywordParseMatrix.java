package dev.reportsql.it;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

import dev.reportsql.sql.ReportSqlParser;

/**
 * Prints, for words that PostgreSQL accepts as column names (and a few it reserves), in which
 * places each one parses as a plain name with Calcite's default parser, with Babel's and with the
 * driver's ({@link ReportSqlParser}), plus the parse time of typical queries with each. A measurement behind docs/sql.md#names, not a test:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.reportsql.it.KeywordParseMatrix}.
 */
public final class KeywordParseMatrix {
    /** PostgreSQL 17's class of each word (kwlist.h); "-" for words that are not PostgreSQL keywords. */
    private static final String[][] WORDS = {
        {"value", "unreserved"}, {"start", "unreserved"}, {"end", "reserved"}, {"running", "-"},
        {"uuid", "-"}, {"year", "unreserved"}, {"month", "unreserved"}, {"day", "unreserved"},
        {"hour", "unreserved"}, {"minute", "unreserved"}, {"second", "unreserved"},
        {"position", "col_name"}, {"language", "unreserved"}, {"result", "-"}, {"rank", "-"},
        {"data", "unreserved"}, {"user", "reserved"}, {"name", "unreserved"}, {"type", "unreserved"},
        {"level", "unreserved"}, {"key", "unreserved"}, {"source", "unreserved"}, {"target", "unreserved"},
        {"action", "unreserved"}, {"comment", "unreserved"}, {"content", "unreserved"},
        {"version", "unreserved"}, {"path", "unreserved"}, {"mode", "unreserved"},
        {"location", "unreserved"}, {"owner", "unreserved"}, {"role", "unreserved"},
        {"schema", "unreserved"}, {"session", "unreserved"}, {"text", "unreserved"},
        {"format", "unreserved"}, {"filter", "unreserved"}, {"range", "unreserved"},
        {"first", "unreserved"}, {"last", "unreserved"}, {"next", "unreserved"},
        {"current", "unreserved"}, {"zone", "unreserved"}, {"domain", "unreserved"},
        {"object", "unreserved"}, {"label", "unreserved"}, {"statement", "unreserved"},
        {"system", "unreserved"}, {"sequence", "unreserved"}, {"input", "unreserved"},
        {"method", "unreserved"}, {"partition", "unreserved"}, {"rows", "unreserved"},
        {"prior", "unreserved"}, {"absolute", "unreserved"}, {"count", "-"}, {"size", "-"},
        {"number", "-"}, {"date", "-"}, {"time", "col_name"}, {"timestamp", "col_name"},
        {"interval", "col_name"}, {"member", "-"}, {"offset", "reserved"}, {"window", "reserved"},
    };

    /** Each place a name can stand, with how many identifiers equal to the word the tree must hold. */
    private record Place(String label, String sql, int names) {
        String sql(String w) {
            return sql.replace("{w}", w);
        }
    }

    private static final List<Place> PLACES = List.of(
            new Place("select", "SELECT {w} FROM t", 1),
            new Place("t.W", "SELECT t.{w} FROM t", 1),
            new Place("AS", "SELECT a AS {w} FROM t", 1),
            new Place("where", "SELECT a FROM t WHERE {w} = 1", 1),
            new Place("group", "SELECT {w}, COUNT(*) FROM t GROUP BY {w}", 2),
            new Place("order", "SELECT a FROM t ORDER BY {w}", 1));

    private static final SqlParser.Config DEFAULT = SqlParser.config()
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withQuotedCasing(Casing.UNCHANGED)
            .withUnquotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true)
            .withConformance(SqlConformanceEnum.LENIENT);
    private static final SqlParser.Config BABEL = DEFAULT.withParserFactory(SqlBabelParserImpl.FACTORY);
    private static final SqlParser.Config DRIVER = DEFAULT.withParserFactory(ReportSqlParser.FACTORY);
    private static final List<SqlParser.Config> PARSERS = List.of(DEFAULT, BABEL, DRIVER);

    private static final List<String> TYPICAL = List.of(
            "SELECT BranchCode, COUNT(*) AS stoppages, SUM(Minutes) AS minutes FROM MachineDowntime "
                    + "GROUP BY BranchCode ORDER BY BranchCode",
            "SELECT LineCode, SUM(ProducedQty) AS produced FROM LineOutputDaily WHERE StartDate = ? AND EndDate = ? "
                    + "AND BranchCode IN ('BR01', 'BR02') GROUP BY LineCode ORDER BY produced DESC LIMIT 10",
            "WITH w AS (SELECT a.LineCode, b.MachineCode, CASE WHEN a.ProducedQty > 10 THEN 'hi' ELSE 'lo' END AS k "
                    + "FROM LineOutputDaily a JOIN MachineDowntime b ON a.LineCode = b.LineCode "
                    + "WHERE a.StartDate = DATE '2025-01-01' AND CAST(b.Minutes AS INTEGER) BETWEEN 1 AND 9) "
                    + "SELECT k, COUNT(DISTINCT MachineCode), ROW_NUMBER() OVER (PARTITION BY k ORDER BY k) FROM w "
                    + "GROUP BY k HAVING COUNT(*) > 1 ORDER BY 1 FETCH FIRST 5 ROWS ONLY");

    private KeywordParseMatrix() {
    }

    public static void main(String[] args) throws SqlParseException {
        System.out.println("| word | PostgreSQL | default: " + labels() + " | Babel: " + labels() + " | driver: "
                + labels() + " |");
        int[] totals = new int[PARSERS.size()];
        for (String[] w : WORDS) {
            StringBuilder line = new StringBuilder("| " + w[0] + " | " + w[1] + " |");
            for (int i = 0; i < PARSERS.size(); i++) {
                line.append(' ').append(row(w[0], PARSERS.get(i), totals, i)).append(" |");
            }
            System.out.println(line);
        }
        int cells = WORDS.length * PLACES.size();
        System.out.printf(Locale.ROOT, "names that parse, of %d: default %d, Babel %d, driver %d%n", cells, totals[0],
                totals[1], totals[2]);
        for (String sql : TYPICAL) {
            System.out.printf(Locale.ROOT, "parse µs of thread CPU (median of 5 x 500 after warm-up): default %.1f, Babel %.1f, "
                    + "driver %.1f: %.50s%n", micros(sql, DEFAULT), micros(sql, BABEL), micros(sql, DRIVER), sql);
        }
    }

    private static String labels() {
        return String.join(" ", PLACES.stream().map(Place::label).toList());
    }

    private static String row(String word, SqlParser.Config config, int[] totals, int column) {
        StringBuilder out = new StringBuilder();
        for (Place p : PLACES) {
            boolean ok = names(p.sql(word), word, config) == p.names();
            totals[column] += ok ? 1 : 0;
            out.append(ok ? "✓" : "✗").append(' ');
        }
        return out.toString().trim();
    }

    /** How many identifiers whose last part is {@code word} the parse tree holds; -1 on a syntax error. */
    private static int names(String sql, String word, SqlParser.Config config) {
        SqlNode node;
        try {
            node = SqlParser.create(sql, config).parseStmt();
        } catch (SqlParseException e) {
            return -1;
        }
        int[] count = {0};
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlIdentifier id) {
                if (id.names.get(id.names.size() - 1).equalsIgnoreCase(word)) {
                    count[0]++;
                }
                return null;
            }
        });
        return count[0];
    }

    /** Thread CPU time per parse, not wall time: the build machine is shared, and waiting for a core is not parsing. */
    private static double micros(String sql, SqlParser.Config config) throws SqlParseException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 2000; i++) {
            SqlParser.create(sql, config).parseStmt();
        }
        List<Double> runs = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            long t0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < 500; i++) {
                SqlParser.create(sql, config).parseStmt();
            }
            runs.add((threads.getCurrentThreadCpuTime() - t0) / 500 / 1000.0);
        }
        runs.sort(null);
        return runs.get(2);
    }
}
