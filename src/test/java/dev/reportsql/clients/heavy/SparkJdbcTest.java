package dev.reportsql.clients.heavy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.spark.Partition;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.jdbc.JDBCPartition;
import org.apache.spark.sql.execution.datasources.jdbc.JDBCRDD;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportsql.sandbox.RecordedRequest;
import dev.reportsql.sandbox.sooperwizer.SooperwizerSandbox;

/**
 * Apache Spark's JDBC data source, in local mode, reading sandbox reports through the driver: the
 * schema probe, the {@code query} option, and a partitioned read that must equal the plain one.
 */
@Tag("heavy-clients")
class SparkJdbcTest {
    private static final String DATA = "/report/get-data";

    private static SooperwizerSandbox sandbox;
    private static SparkSession spark;
    private static String url;

    @BeforeAll
    static void start() {
        sandbox = SooperwizerSandbox.start();
        url = "jdbc:sooperwizer:" + sandbox.apiUrl() + "?keycloakUrl="
                + URLEncoder.encode(sandbox.keycloakUrl(), StandardCharsets.UTF_8);
        spark = SparkSession.builder().master("local[2]").appName("reportsql-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        sandbox.close();
    }

    @BeforeEach
    void clearLog() {
        sandbox.clearRequests();
    }

    private static org.apache.spark.sql.DataFrameReader jdbc() {
        return spark.read().format("jdbc")
                .option("url", url)
                .option("driver", "dev.reportsql.jdbc.ReportSqlDriver")
                .option("user", "alice")
                .option("password", "alice-pw")
                .option("fetchsize", "100")
                .option("queryTimeout", "60");
    }

    @Test
    void dbtableSchemaProbeAndRows() throws Exception {
        Dataset<Row> df = jdbc().option("dbtable", "MachineDowntime").load();
        // The probe (SELECT * FROM MachineDowntime WHERE 1=0) costs a data call only while the
        // report's columns are still unknown: they are learned from rows.
        int probeCalls = sandbox.requests(DATA).size();
        assertTrue(probeCalls <= 1, "schema probe calls: " + probeCalls);
        StructType schema = df.schema();
        assertEquals(DataTypes.LongType, schema.apply("EventID").dataType());
        assertEquals(DataTypes.StringType, schema.apply("MachineCode").dataType());
        assertEquals(DataTypes.TimestampType, schema.apply("DownStart").dataType());
        assertEquals(DataTypes.LongType, schema.apply("Minutes").dataType());
        assertEquals(DataTypes.BooleanType, schema.apply("Acknowledged").dataType());

        List<String> rows = sorted(df);
        assertEquals(expectedThroughJdbc("SELECT * FROM MachineDowntime"), rows);
        assertEquals(480, rows.size());
        assertEquals(probeCalls + 2, sandbox.requests(DATA).size(), "one call for Spark's read, one for the JDBC check");
    }

    @Test
    void partitionedReadEqualsThePlainRead() throws Exception {
        List<String> plain = sorted(jdbc().option("dbtable", "MachineDowntime").load());
        sandbox.clearRequests();
        Dataset<Row> parted = jdbc().option("dbtable", "MachineDowntime")
                .option("partitionColumn", "EventID")
                .option("lowerBound", "1")
                .option("upperBound", "481")
                .option("numPartitions", "4")
                .load();
        List<String> predicates = partitionPredicates(parted);
        assertEquals(List.of("\"EventID\" < 121 or \"EventID\" is null",
                "\"EventID\" >= 121 AND \"EventID\" < 241",
                "\"EventID\" >= 241 AND \"EventID\" < 361",
                "\"EventID\" >= 361"), predicates);

        List<String> partitioned = sorted(parted);
        assertEquals(480, plain.size());
        assertEquals(plain, partitioned);
        // Each predicate alone, through plain JDBC, selects its share: 120 events each.
        for (String predicate : predicates) {
            assertEquals(120, expectedThroughJdbc("SELECT * FROM MachineDowntime WHERE " + predicate).size(), predicate);
        }
        List<RecordedRequest> calls = sandbox.requests(DATA);
        assertEquals(4 + predicates.size(), calls.size(), "one data call per partition, one per JDBC check");
        for (RecordedRequest call : calls) {
            assertEquals(0, call.json().get("filters").size(), "EventID is no report filter: nothing to push");
        }
    }

    @Test
    void queryOptionWithRequiredFilters() throws Exception {
        String query = "SELECT LineCode, ProducedQty, ProductionDate, EfficiencyPct FROM LineOutputDaily "
                + "WHERE StartDate = '2025-06-01' AND EndDate = '2025-06-02' AND BranchCode = 'BR03'";
        Dataset<Row> df = jdbc().option("query", query).load();
        int probeCalls = sandbox.requests(DATA).size();
        assertTrue(probeCalls <= 1, "schema probe calls: " + probeCalls);
        assertEquals(DataTypes.DateType, df.schema().apply("ProductionDate").dataType());
        // The driver declares every DECIMAL with precision 38 and the inferred scale.
        assertEquals(DataTypes.createDecimalType(38, 2), df.schema().apply("EfficiencyPct").dataType());

        // Spark pushes this filter into the JDBC query, outside its (query) SPARK_GEN_SUBQ_n wrapper.
        List<String> rows = sorted(df.filter("ProducedQty > 500"));
        List<String> expected = expectedThroughJdbc("SELECT LineCode, ProducedQty, ProductionDate, EfficiencyPct FROM LineOutputDaily "
                + "WHERE StartDate = '2025-06-01' AND EndDate = '2025-06-02' AND BranchCode = 'BR03' AND ProducedQty > 500");
        assertTrue(expected.size() > 0 && expected.size() < 200, "rows: " + expected.size());
        assertEquals(expected, rows);
        for (String r : rows) {
            assertTrue(r.startsWith("BR03-"), r);
        }
        List<RecordedRequest> calls = sandbox.requests(DATA);
        assertEquals(probeCalls + 2, calls.size(), "one call for Spark's read, one for the JDBC check");
        for (RecordedRequest call : calls) {
            JsonNode filters = call.json().get("filters");
            assertEquals("2025-06-01", filters.get("StartDate").asText());
            assertEquals("2025-06-02", filters.get("EndDate").asText());
            assertEquals("BR03", filters.get("BranchCode").get(0).asText());
        }
    }

    @Test
    void reportWithRequiredFiltersPartitionedByDate() throws Exception {
        // Spark refuses "query" with "partitionColumn"; a subquery in "dbtable" carries the filters.
        String week = "StartDate = '2025-06-02' AND EndDate = '2025-06-08'";
        Dataset<Row> parted = jdbc()
                .option("dbtable", "(SELECT ProductionDate, LineCode, ProducedQty FROM LineOutputDaily WHERE " + week + ") w")
                .option("partitionColumn", "ProductionDate")
                .option("lowerBound", "2025-06-02")
                .option("upperBound", "2025-06-09")
                .option("numPartitions", "7")
                .load();
        sandbox.clearRequests();
        List<String> predicates = partitionPredicates(parted);
        assertEquals(7, predicates.size());
        assertEquals("\"ProductionDate\" < '2025-06-03' or \"ProductionDate\" is null", predicates.get(0));
        List<String> rows = sorted(parted);
        assertEquals(expectedThroughJdbc("SELECT ProductionDate, LineCode, ProducedQty FROM LineOutputDaily WHERE " + week), rows);
        assertEquals(7 * 300, rows.size());
        List<RecordedRequest> calls = sandbox.requests(DATA);
        assertEquals(7 + 1, calls.size(), "every partition reads the whole week; one more call for the JDBC check");
        for (RecordedRequest call : calls) {
            assertEquals("2025-06-02", call.json().get("filters").get("StartDate").asText());
            assertEquals("2025-06-08", call.json().get("filters").get("EndDate").asText());
        }
    }

    @Test
    void dbtableOfAReportWithRequiredFiltersNeedsFilterDefaults() throws Exception {
        // demo, whom no other test here uses, has no report columns cached yet.
        Exception e = assertThrows(Exception.class, () -> jdbc().option("user", "demo").option("password", "demo")
                .option("dbtable", "LineOutputDaily").load());
        SQLException sql = findSqlException(e);
        assertEquals("428C9", sql.getSQLState());
        assertTrue(sql.getMessage().contains("StartDate, EndDate"), sql.getMessage());

        // Defaults let the schema probe learn the columns; filters Spark pushes down still win. Spark
        // hands options it does not know itself to the driver as connection properties.
        Dataset<Row> df = jdbc().option("user", "demo").option("password", "demo")
                .option("filterDefaults", "StartDate=today;EndDate=today")
                .option("dbtable", "LineOutputDaily").load();
        assertEquals(DataTypes.LongType, df.schema().apply("ProducedQty").dataType());
        sandbox.clearRequests();
        long rows = df.where("StartDate = '2025-06-05' AND EndDate = '2025-06-05' AND BranchCode = 'BR01'").count();
        assertEquals(100, rows);
        List<RecordedRequest> calls = sandbox.requests(DATA);
        assertEquals(1, calls.size());
        assertEquals("2025-06-05", calls.get(0).json().get("filters").get("StartDate").asText());
        assertEquals("BR01", calls.get(0).json().get("filters").get("BranchCode").get(0).asText());
    }

    private static SQLException findSqlException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s) {
                return s;
            }
        }
        throw new AssertionError("no SQLException in the chain", t);
    }

    /** The WHERE clauses Spark gives its partitions, read from the JDBC RDD under the data frame. */
    private static List<String> partitionPredicates(Dataset<Row> df) {
        RDD<?> rdd = df.rdd();
        while (!(rdd instanceof JDBCRDD)) {
            rdd = rdd.dependencies().head().rdd();
        }
        List<String> out = new ArrayList<>();
        for (Partition p : rdd.partitions()) {
            out.add(((JDBCPartition) p).whereClause());
        }
        return out;
    }

    private static List<String> sorted(Dataset<Row> df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            out.add(r.mkString("|"));
        }
        out.sort(null);
        return out;
    }

    /** The query's rows through plain JDBC, in the text form {@link #sorted} gives Spark's rows. */
    private static List<String> expectedThroughJdbc(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = alice(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getObject(i));
                }
                out.add(row.toString());
            }
        }
        out.sort(null);
        return out;
    }

    private static Connection alice() throws Exception {
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", "alice-pw");
        return DriverManager.getConnection(url, p);
    }
}
