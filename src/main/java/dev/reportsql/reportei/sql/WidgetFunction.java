package dev.reportsql.reportei.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.reportsql.error.Errors;
import dev.reportsql.error.SqlState;
import dev.reportsql.reportei.ReporteiClient;

/**
 * {@code widget_data(reference_key, component, metrics [, dimensions [, customer_integration,
 * start, end [, comparison_start, comparison_end]]])}: any widget, without a catalog. A table
 * macro: Calcite expands it while validating, with the (constant) arguments, into a
 * {@link WidgetTable}, so the WHERE pushdown works as on catalogued widgets. {@code metrics} and
 * {@code dimensions} are comma-separated names or a JSON array (for dimension objects).
 */
final class WidgetFunction implements TableMacro {
    private static final String[] NAMES = {"reference_key", "component", "metrics", "dimensions",
        "customer_integration", "start", "end", "comparison_start", "comparison_end"};
    private static final int REQUIRED = 3;

    private final ReporteiClient client;

    WidgetFunction(ReporteiClient client) {
        this.client = client;
    }

    @Override
    public List<FunctionParameter> getParameters() {
        List<FunctionParameter> out = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            int ordinal = i;
            out.add(new FunctionParameter() {
                @Override
                public int getOrdinal() {
                    return ordinal;
                }

                @Override
                public String getName() {
                    return NAMES[ordinal];
                }

                @Override
                public RelDataType getType(RelDataTypeFactory f) {
                    // A Java String type: a VARCHAR type would make Calcite wrap each literal in a CAST,
                    // and a macro only receives plain literals.
                    return f.createTypeWithNullability(((JavaTypeFactory) f).createType(String.class), true);
                }

                @Override
                public boolean isOptional() {
                    return ordinal >= REQUIRED;
                }
            });
        }
        return out;
    }

    @Override
    public TranslatableTable apply(List<? extends Object> arguments) {
        try {
            String key = text(arguments, 0);
            String component = text(arguments, 1);
            List<String> metricNames = new ArrayList<>();
            ArrayNode metrics = list(text(arguments, 2), "metrics");
            metrics.forEach(m -> metricNames.add(m.asText()));
            ArrayNode dimensions = list(text(arguments, 3), "dimensions");
            if (key == null || component == null || metricNames.isEmpty()) {
                throw Errors.sql(SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION, "widget_data needs constant "
                        + "reference_key, component and metrics, e.g. widget_data('ig:reach', 'number_v1', 'reach')");
            }
            ObjectNode request = ReporteiClient.JSON_NODES.objectNode();
            request.put("reference_key", key);
            request.put("component", component);
            request.set("metrics", metrics);
            if (!dimensions.isEmpty()) {
                request.set("dimensions", dimensions);
            }
            WidgetSpec spec = new WidgetSpec(key, component, metricNames, WidgetSpec.dimensionColumns(dimensions),
                    request, "widget_data(...)");
            Map<String, String> fixed = new LinkedHashMap<>();
            for (int i = 4; i < NAMES.length; i++) {
                String v = text(arguments, i);
                if (v != null) {
                    fixed.put(NAMES[i], v);
                }
            }
            return new WidgetTable(ReporteiSchema.WIDGET_FUNCTION, spec, client, fixed);
        } catch (SQLException e) {
            throw Errors.unchecked(e);
        }
    }

    private static String text(List<? extends Object> args, int i) {
        Object v = i < args.size() ? args.get(i) : null;
        return v == null ? null : v.toString().trim();
    }

    /** A comma-separated list, or a JSON array (whose elements may be objects). */
    private static ArrayNode list(String text, String what) throws SQLException {
        ArrayNode out = ReporteiClient.JSON_NODES.arrayNode();
        if (text == null || text.isEmpty()) {
            return out;
        }
        if (text.startsWith("[")) {
            try {
                JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
                if (n.isArray()) {
                    out.addAll((ArrayNode) n);
                    return out;
                }
            } catch (java.io.IOException e) {
                throw Errors.sql(SqlState.INVALID_PARAMETER_VALUE, "The " + what + " argument of widget_data is not "
                        + "a JSON array: " + e.getMessage(), e);
            }
        }
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }
}
