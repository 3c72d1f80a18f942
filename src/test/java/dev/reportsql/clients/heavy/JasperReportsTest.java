package dev.reportsql.clients.heavy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportsql.sandbox.RecordedRequest;
import dev.reportsql.sandbox.sooperwizer.SooperwizerSandbox;
import net.sf.jasperreports.dataadapters.DataAdapterParameterContributorFactory;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.xml.JRXmlLoader;
import net.sf.jasperreports.util.SecretsProvider;
import net.sf.jasperreports.util.SecretsProviderFactory;

/**
 * JasperReports compiles a template whose SQL reads a sandbox report, fills it from a ReportSQL
 * connection (given directly, or made from a data adapter file) and exports a PDF; the PDF's text
 * must hold the values plain JDBC computes.
 */
@Tag("heavy-clients")
class JasperReportsTest {
    private static final String DATA = "/report/get-data";

    private static SooperwizerSandbox sandbox;
    private static String url;

    @BeforeAll
    static void start() {
        sandbox = SooperwizerSandbox.start();
        url = "jdbc:sooperwizer:" + sandbox.apiUrl() + "?keycloakUrl="
                + URLEncoder.encode(sandbox.keycloakUrl(), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void templateFilledFromAConnectionBecomesAPdfWithTheReportsValues() throws Exception {
        JasperReport template = JasperCompileManager.compileReport(load());
        Map<String, Object> params = new HashMap<>();
        params.put("DAY", Date.valueOf("2025-06-03"));
        params.put("BRANCHES", List.of("BR02"));
        byte[] pdf;
        try (Connection c = alice()) {
            JasperPrint print = JasperFillManager.fillReport(template, params, c);
            pdf = JasperExportManager.exportReportToPdf(print);
        }
        // Kept for a person to look at; the assertions read the same bytes.
        Path out = Path.of("target", "clients", "BranchOutput.pdf");
        Files.createDirectories(out.getParent());
        Files.write(out, pdf);
        assertOneCallForBr02();
        assertPdfHoldsBr02Values(pdf);
    }

    @Test
    void dataAdapterFileGivesTheConnectionAndItsProperties() throws Exception {
        String adapter;
        try (InputStream in = JasperReportsTest.class.getResourceAsStream("ReportSQL-adapter.xml")) {
            adapter = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@URL@", url.replace("&", "&amp;"));
        }
        Path adapterFile = Files.createTempFile("reportsql", ".jrdax");
        try {
            Files.writeString(adapterFile, adapter);
            JasperDesign design = load();
            design.setProperty(DataAdapterParameterContributorFactory.PROPERTY_DATA_ADAPTER_LOCATION,
                    adapterFile.toUri().toString());
            JasperReport template = JasperCompileManager.compileReport(design);
            // No BRANCHES: $X{IN} drops the condition and the adapter's filterDefaults pick BR02.
            Map<String, Object> params = new HashMap<>();
            params.put("DAY", Date.valueOf("2025-06-03"));
            JasperPrint print = JasperFillManager.getInstance(withSecrets(Map.of("reportsql/alice", "alice-pw")))
                    .fill(template, params);
            assertOneCallForBr02();
            assertPdfHoldsBr02Values(JasperExportManager.exportReportToPdf(print));
        } finally {
            Files.delete(adapterFile);
        }
    }

    /**
     * A context whose secrets provider resolves the adapter's password key. An application would
     * read the secret from its vault or environment instead of a map.
     */
    private static JasperReportsContext withSecrets(Map<String, String> secrets) {
        SimpleJasperReportsContext context = new SimpleJasperReportsContext();
        SecretsProvider provider = new SecretsProvider() {
            @Override
            public boolean hasSecret(String key) {
                return secrets.containsKey(key);
            }

            @Override
            public String getSecret(String key) {
                return secrets.get(key);
            }
        };
        SecretsProviderFactory factory = category -> provider;
        context.setExtensions(SecretsProviderFactory.class, List.of(factory));
        return context;
    }

    private static JasperDesign load() throws Exception {
        try (InputStream jrxml = JasperReportsTest.class.getResourceAsStream("BranchOutput.jrxml")) {
            return JRXmlLoader.load(jrxml);
        }
    }

    private static void assertOneCallForBr02() {
        List<RecordedRequest> calls = sandbox.requests(DATA);
        assertEquals(1, calls.size(), "one data call fills the report");
        JsonNode filters = calls.get(0).json().get("filters");
        assertEquals("2025-06-03", filters.get("StartDate").asText());
        assertEquals("2025-06-03", filters.get("EndDate").asText());
        assertEquals(1, filters.get("BranchCode").size());
        assertEquals("BR02", filters.get("BranchCode").get(0).asText());
        sandbox.clearRequests();
    }

    /** The PDF's text against values computed through plain JDBC, not from the report. */
    private static void assertPdfHoldsBr02Values(byte[] pdf) throws Exception {
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 2, "100 lines take more than a page: " + doc.getNumberOfPages());
            text = new PDFTextStripper().getText(doc);
        }
        assertTrue(text.contains("Line output on 2025-06-03"), text);
        long total = 0;
        List<String[]> lines = new ArrayList<>();
        try (Connection c = alice(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT LineCode, Shift, ProducedQty, EfficiencyPct FROM LineOutputDaily "
                        + "WHERE StartDate = '2025-06-03' AND EndDate = '2025-06-03' AND BranchCode = 'BR02' ORDER BY LineCode")) {
            while (rs.next()) {
                total += rs.getLong(3);
                lines.add(new String[] {rs.getString(1), rs.getString(2), String.valueOf(rs.getLong(3)),
                    rs.getBigDecimal(4).toPlainString()});
            }
        }
        sandbox.clearRequests();
        assertEquals(100, lines.size());
        assertTrue(text.contains("Lines: 100, total produced: " + total), text);
        // Each detail row, in order: line code, shift, target, produced, efficiency.
        String flat = text.replaceAll("\\s+", " ");
        int at = 0;
        for (String[] line : lines) {
            int found = flat.indexOf(line[0] + " " + line[1] + " ", at);
            assertTrue(found >= 0, "line " + line[0] + " in order in the PDF");
            String[] cells = flat.substring(found).split(" ", 6);
            assertEquals(line[2], cells[3], line[0] + " produced");
            assertEquals(line[3], cells[4], line[0] + " efficiency");
            at = found + line[0].length();
        }
    }

    private static Connection alice() throws Exception {
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", "alice-pw");
        return DriverManager.getConnection(url, p);
    }
}
