package dev.reportsql.reportei.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;

/**
 * Reads widget catalogs in Reportei's published payload format: a {@code metrics.json} whose
 * {@code metrics} (or {@code widgets}) array lists widgets with {@code reference_key},
 * {@code component}, {@code metrics} and optional {@code dimensions} and extra fields. The
 * {@code metricsCatalog} property names files, or directories searched (two levels deep) for
 * files named {@code metrics.json}.
 */
public final class WidgetCatalog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WidgetCatalog() {
    }

    /** The widgets of every catalog named in {@code property} (comma-separated paths), in file order. */
    public static List<WidgetSpec> load(String property) throws SQLException {
        List<WidgetSpec> out = new ArrayList<>();
        if (property == null || property.isBlank()) {
            return out;
        }
        for (String part : property.split(",")) {
            Path p = Path.of(part.trim());
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.find(p, 2, (f, a) -> f.getFileName().toString().equals("metrics.json"))) {
                    for (Path f : files.sorted().toList()) {
                        out.addAll(read(f));
                    }
                } catch (IOException e) {
                    throw unreadable(p, e);
                }
            } else {
                out.addAll(read(p));
            }
        }
        return out;
    }

    private static List<WidgetSpec> read(Path file) throws SQLException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        JsonNode list = root == null ? null : root.isArray() ? root
                : root.has("metrics") ? root.get("metrics") : root.get("widgets");
        if (list == null || !list.isArray()) {
            throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "The widget catalog " + file + " (connection property "
                    + "metricsCatalog) has no 'metrics' or 'widgets' array; use a metrics.json in Reportei's format");
        }
        List<WidgetSpec> out = new ArrayList<>();
        for (JsonNode entry : list) {
            WidgetSpec w = entry.isObject() ? WidgetSpec.fromJson((ObjectNode) entry, file.toString()) : null;
            if (w != null) {
                out.add(w);
            }
        }
        return out;
    }

    private static SQLException unreadable(Path p, IOException e) {
        return Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "Cannot read the widget catalog " + p
                + " (connection property metricsCatalog): " + e.getMessage() + "; give a metrics.json file or a "
                + "directory that contains <integration>/metrics.json", e);
    }
}
