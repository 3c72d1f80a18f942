package dev.reportsql.reportei.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.types.ColumnDef;
import dev.reportsql.types.ColumnType;

/**
 * Maps one widget's answer to rows, by component:
 * <ul>
 * <li>{@code number_v1} → one row: metric_value, comparison_value, difference, absolute_difference;</li>
 * <li>{@code chart_v1} → one row per label and series: label, series (1-based), series_name
 * (the entry's name or label, else the metric when there is one series per metric), metric_value;</li>
 * <li>{@code datatable_v1} → one row per table row: one VARCHAR column per dimension, then one
 * DOUBLE column per metric, named from the request (a trailing "Total" row is kept as sent).</li>
 * </ul>
 */
final class WidgetRows {
    private WidgetRows() {
    }

    static List<ColumnDef> dataColumns(WidgetSpec w) {
        List<ColumnDef> out = new ArrayList<>();
        switch (w.component()) {
            case "number_v1" -> {
                out.add(EndpointTable.col("metric_value", ColumnType.DOUBLE));
                out.add(EndpointTable.col("comparison_value", ColumnType.DOUBLE));
                out.add(EndpointTable.col("difference", ColumnType.DOUBLE));
                out.add(EndpointTable.col("absolute_difference", ColumnType.DOUBLE));
            }
            case "chart_v1" -> {
                out.add(EndpointTable.col("label", ColumnType.VARCHAR));
                out.add(EndpointTable.col("series", ColumnType.BIGINT));
                out.add(EndpointTable.col("series_name", ColumnType.VARCHAR));
                out.add(EndpointTable.col("metric_value", ColumnType.DOUBLE));
            }
            case "datatable_v1" -> {
                java.util.Set<String> seen = new java.util.HashSet<>(); // case twins are distinct columns
                for (String d : w.dimensions()) {
                    out.add(EndpointTable.col(unique(d, seen), ColumnType.VARCHAR));
                }
                for (String m : w.metrics()) {
                    out.add(EndpointTable.col(unique(m, seen), ColumnType.DOUBLE));
                }
            }
            default -> {
                // unsupported component: only the input columns; a scan explains why
            }
        }
        return out;
    }

    private static String unique(String name, java.util.Set<String> seen) {
        String n = name;
        for (int i = 2; !seen.add(n); i++) {
            n = name + "_" + i;
        }
        return n;
    }

    static List<Object[]> rows(WidgetSpec w, JsonNode data, int width, String table) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        switch (w.component()) {
            case "number_v1" -> {
                Object[] row = new Object[width];
                JsonNode cmp = data.path("comparison");
                row[0] = number(data.path("values"), "values", table);
                row[1] = number(cmp.path("values"), "comparison.values", table);
                row[2] = number(cmp.path("difference"), "comparison.difference", table);
                row[3] = number(cmp.path("absoluteDifference"), "comparison.absoluteDifference", table);
                out.add(row);
            }
            case "chart_v1" -> {
                JsonNode labels = data.path("labels");
                JsonNode series = data.path("values");
                for (int s = 0; s < series.size(); s++) {
                    JsonNode entry = series.get(s);
                    String name = entry.hasNonNull("name") ? entry.get("name").asText()
                            : entry.hasNonNull("label") ? entry.get("label").asText()
                            : series.size() == w.metrics().size() ? w.metrics().get(s) : null;
                    JsonNode values = entry.path("data");
                    for (int i = 0; i < values.size(); i++) {
                        Object[] row = new Object[width];
                        row[0] = labels.has(i) ? labels.get(i).asText() : null;
                        row[1] = (long) s + 1;
                        row[2] = name;
                        row[3] = number(values.get(i), "values[" + s + "].data", table);
                        out.add(row);
                    }
                }
            }
            default -> {
                int dims = w.dimensions().size();
                int cells = dims + w.metrics().size();
                for (JsonNode r : data.path("values")) {
                    Object[] row = new Object[width];
                    for (int i = 0; i < Math.min(cells, r.size()); i++) {
                        row[i] = i < dims ? JsonCells.cell(r.get(i), ColumnType.VARCHAR, "dimension", table)
                                : number(r.get(i), w.metrics().get(i - dims), table);
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    private static Double number(JsonNode n, String what, String table) throws SQLException {
        if (n == null || n.isNull() || n.isMissingNode() || (n.isTextual() && n.asText().isBlank())) {
            return null;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        try {
            return Double.parseDouble(n.asText().trim());
        } catch (NumberFormatException e) {
            throw Errors.sql(SqlState.INVALID_CHARACTER_VALUE_FOR_CAST, "Widget table " + table + ": Reportei sent "
                    + n + " for " + what + ", which is not a number; a widget whose metric is text (such as a date "
                    + "or a type) cannot be read as a number column", e);
        }
    }
}
