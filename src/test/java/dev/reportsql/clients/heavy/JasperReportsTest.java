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
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportsql.sandbox.RecordedRequest;
import dev.reportsql.sandbox.SooperwizerSandbox;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;

/**
 * JasperReports compiles a template whose SQL reads a sandbox report, fills it from a ReportSQL
 * connection and exports a PDF; the PDF's text must hold the values plain JDBC computes.
 */
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
    void templateFilledFromTheDriverBecomesAPdfWithTheReportsValues() throws Exception {
        JasperReport template;
        try (InputStream jrxml = JasperReportsTest.class.getResourceAsStream("BranchOutput.jrxml")) {
            template = JasperCompileManager.compileReport(jrxml);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("DAY", Date.valueOf("2025-06-03"));
        params.put("BRANCH", "BR02");

        byte[] pdf;
        try (Connection c = alice()) {
            JasperPrint print = JasperFillManager.fillReport(template, params, c);
            pdf = JasperExportManager.exportReportToPdf(print);
        }
        // Kept for a person to look at; the assertions below read the same bytes.
        Path out = Path.of("target", "clients", "BranchOutput.pdf");
        Files.createDirectories(out.getParent());
        Files.write(out, pdf);
        List<RecordedRequest> calls = sandbox.requests(DATA);
        assertEquals(1, calls.size(), "one data call fills the report");
        JsonNode filters = calls.get(0).json().get("filters");
        assertEquals("2025-06-03", filters.get("StartDate").asText());
        assertEquals("2025-06-03", filters.get("EndDate").asText());
        assertEquals("BR02", filters.get("BranchCode").get(0).asText());

        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 2, "100 lines take more than a page: " + doc.getNumberOfPages());
            text = new PDFTextStripper().getText(doc);
        }
        assertTrue(text.contains("Line output of branch BR02 on 2025-06-03"), text);

        // The expected values come from the driver through plain JDBC, not from the report.
        long total = 0;
        List<String> lines = new ArrayList<>();
        try (Connection c = alice(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT LineCode, ProducedQty, EfficiencyPct FROM LineOutputDaily "
                        + "WHERE StartDate = '2025-06-03' AND EndDate = '2025-06-03' AND BranchCode = 'BR02' ORDER BY LineCode")) {
            while (rs.next()) {
                total += rs.getLong(2);
                lines.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getBigDecimal(3).toPlainString());
            }
        }
        assertEquals(100, lines.size());
        assertTrue(text.contains("Lines: 100, total produced: " + total), text);
        String flat = text.replaceAll("\\s+", " ");
        int at = 0;
        for (String line : lines) {
            String[] parts = line.split(" ");
            int found = flat.indexOf(parts[0], at);
            assertTrue(found >= 0, "line " + parts[0] + " in order in the PDF");
            String row = flat.substring(found, Math.min(flat.length(), found + 60));
            assertTrue(row.contains(" " + parts[1] + " ") && row.contains(" " + parts[2]), line + " vs " + row);
            at = found + parts[0].length();
        }
    }

    private static Connection alice() throws Exception {
        Properties p = new Properties();
        p.setProperty("user", "alice");
        p.setProperty("password", "alice-pw");
        return DriverManager.getConnection(url, p);
    }
}
