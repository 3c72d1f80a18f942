package dev.reportsql.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import sqlline.SqlLine;

/** The SQLLine shell: !tables, !columns and a query, as a person would type them. */
@Tag("sqlline")
class SqlLineTest extends ClientFixture {

    @Test
    void tablesColumnsAndAQuery() throws Exception {
        String script = "!tables\n!columns MachineDowntime\nSELECT COUNT(*) AS stoppages FROM MachineDowntime;\n!quit\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SqlLine shell = new SqlLine();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        shell.setOutputStream(print);
        shell.setErrorStream(print);
        SqlLine.Status status = shell.begin(new String[] {"-u", url, "-n", "alice", "-p", "alice-pw",
                "--silent=false", "--color=false", "--maxWidth=400"}, new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), false);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(SqlLine.Status.OK, status, text);
        assertTrue(text.contains("LineOutputDaily") && text.contains("Quality_Audit_Legacy"), text);
        assertTrue(text.contains("DownStart") && text.contains("TIMESTAMP"), text);
        assertTrue(text.contains("480"), text);
        assertTrue(!text.contains("alice-pw"), "the password is not echoed");
    }
}
