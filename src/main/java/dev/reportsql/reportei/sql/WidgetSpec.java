package dev.reportsql.reportei.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One widget of {@code POST /metrics/get-data}: what to send ({@code request}, the catalog entry
 * as published, without {@code id}) and what the SQL columns are named after.
 *
 * @param referenceKey the widget's reference_key, e.g. {@code ig:followers_city}
 * @param component    number_v1, chart_v1, datatable_v1 (others are listed but cannot be read)
 * @param metrics      the requested metric names, in request order
 * @param dimensions   the dimensions that become columns of a data table, in request order:
 *                     names, or the {@code field} of dimension objects that do not only filter
 *                     (objects with an {@code operator} filter and add no column)
 * @param request      the widget's JSON as sent
 * @param source       where it was defined (a catalog file, or the table function)
 */
public record WidgetSpec(String referenceKey, String component, List<String> metrics, List<String> dimensions,
        ObjectNode request, String source) {
    /** The components whose answers map to rows. */
    public static final List<String> SUPPORTED = List.of("number_v1", "chart_v1", "datatable_v1");

    public WidgetSpec {
        metrics = List.copyOf(metrics);
        dimensions = List.copyOf(dimensions);
    }

    /** Reads a catalog entry; returns null when it lacks a reference_key or component. */
    static WidgetSpec fromJson(ObjectNode entry, String source) {
        String key = entry.path("reference_key").asText(null);
        String component = entry.path("component").asText(null);
        if (key == null || component == null) {
            return null;
        }
        List<String> metrics = new ArrayList<>();
        entry.path("metrics").forEach(m -> metrics.add(m.isTextual() ? m.asText() : m.path("field").asText(m.toString())));
        ObjectNode request = entry.deepCopy();
        request.remove("id");
        return new WidgetSpec(key, component, metrics, dimensionColumns(entry.path("dimensions")), request, source);
    }

    static List<String> dimensionColumns(JsonNode dimensions) {
        List<String> out = new ArrayList<>();
        for (JsonNode d : dimensions) {
            if (d.isTextual()) {
                out.add(d.asText());
            } else if (d.isObject() && d.hasNonNull("field") && !d.has("operator")) {
                out.add(d.get("field").asText());
            }
        }
        return out;
    }

    public boolean supported() {
        return SUPPORTED.contains(component);
    }

    /** A stable id for the widget in requests, so the same query sends the same body. */
    String requestId() {
        return UUID.nameUUIDFromBytes(request.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
