package dev.reportsql.sandbox.reportei;

import dev.reportsql.sandbox.RowHash;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The answer of the Reportei sandbox's {@code POST /metrics/get-data}: each widget's values,
 * derived from the customer integration, the widget's reference key, the metric, the dimension
 * value and the period, so the same request always gets the same numbers.
 *
 * <p>Counting metrics grow with the number of days in the period; metrics whose name contains
 * {@code rate}, {@code ctr} or {@code average} are ratios in [0, 1) that do not. Charts have one
 * label per value of their first dimension (one per day for {@code date}) and one series per
 * metric, or per value of the second dimension when there are two. Data tables have one row per
 * value of the dimensions, then a {@code Total} row.
 */
final class ReporteiWidgetData {
    static final List<String> COMPONENTS = List.of("number_v1", "chart_v1", "datatable_v1");
    private static final int MAX_DATE_LABELS = 400;

    private final String integration;
    private final LocalDate start;
    private final LocalDate end;

    private ReporteiWidgetData(String integration, LocalDate start, LocalDate end) {
        this.integration = integration;
        this.start = start;
        this.end = end;
    }

    /** The response body for a validated request of an existing, active customer integration. */
    static Map<String, Object> answer(JsonNode body, String integration) throws ReporteiRefusal {
        LocalDate start = date(body, "start", true);
        LocalDate end = date(body, "end", true);
        if (end.isBefore(start)) {
            throw new ReporteiRefusal(422, "The end must be a date after or equal to start.");
        }
        LocalDate cStart = date(body, "comparison_start", false);
        LocalDate cEnd = date(body, "comparison_end", false);
        if ((cStart == null) != (cEnd == null)) {
            throw new ReporteiRefusal(422, "The comparison_start and comparison_end fields must be given together.");
        }
        JsonNode widgets = body.get("metrics");
        if (widgets == null || !widgets.isArray() || widgets.isEmpty()) {
            throw new ReporteiRefusal(422, "The metrics field is required.");
        }
        ReporteiWidgetData period = new ReporteiWidgetData(integration, start, end);
        ReporteiWidgetData comparison = cStart == null ? null : new ReporteiWidgetData(integration, cStart, cEnd);
        Map<String, Object> out = new LinkedHashMap<>();
        for (JsonNode w : widgets) {
            String id = text(w, "id");
            String key = text(w, "reference_key");
            String component = text(w, "component");
            List<String> metrics = names(w.get("metrics"), false);
            if (id == null || key == null || component == null || metrics.isEmpty()) {
                throw new ReporteiRefusal(422, "Each widget needs id, reference_key, component and metrics.");
            }
            if (!COMPONENTS.contains(component)) {
                throw new ReporteiRefusal(422, "The component " + component + " is not available through the API.");
            }
            List<String> dimensions = names(w.get("dimensions"), true);
            out.put(id, switch (component) {
                case "number_v1" -> period.number(key, metrics.get(0), comparison);
                case "chart_v1" -> period.chart(key, metrics, dimensions);
                default -> period.table(key, metrics, dimensions);
            });
        }
        return out;
    }

    private Map<String, Object> number(String key, String metric, ReporteiWidgetData comparison) {
        Map<String, Object> m = new LinkedHashMap<>();
        Number v = total(key, metric, "");
        m.put("values", v);
        if (comparison != null) {
            Number c = comparison.total(key, metric, "");
            Map<String, Object> cmp = new LinkedHashMap<>();
            cmp.put("values", c);
            double diff = c.doubleValue() == 0 ? 0 : (v.doubleValue() - c.doubleValue()) / c.doubleValue() * 100;
            cmp.put("difference", round(diff, 2));
            cmp.put("absoluteDifference", v instanceof Long && c instanceof Long
                    ? (Object) (v.longValue() - c.longValue()) : round(v.doubleValue() - c.doubleValue(), 4));
            m.put("comparison", cmp);
        }
        return m;
    }

    private Map<String, Object> chart(String key, List<String> metrics, List<String> dimensions) {
        String first = dimensions.isEmpty() ? "date" : dimensions.get(0);
        List<String> labels = values(first);
        List<Map<String, Object>> series = new ArrayList<>();
        List<String> seriesKeys = dimensions.size() > 1 ? values(dimensions.get(1)) : metrics;
        for (String s : seriesKeys) {
            String metric = dimensions.size() > 1 ? metrics.get(0) : s;
            List<Object> data = new ArrayList<>();
            for (String label : labels) {
                data.add(first.equals("date") ? daily(key, metric, s + "|" + label) : total(key, metric, s + "|" + label));
            }
            series.add(Map.of("data", data));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("labels", labels);
        m.put("values", series);
        return m;
    }

    private Map<String, Object> table(String key, List<String> metrics, List<String> dimensions) {
        List<List<String>> combos = new ArrayList<>();
        combos.add(List.of());
        for (String d : dimensions) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : combos) {
                for (String v : values(d).subList(0, Math.min(values(d).size(), dimensions.size() > 1 ? 3 : 8))) {
                    List<String> row = new ArrayList<>(prefix);
                    row.add(v);
                    next.add(row);
                }
            }
            combos = next;
        }
        List<List<Object>> rows = new ArrayList<>();
        double[] sums = new double[metrics.size()];
        for (List<String> combo : combos) {
            List<Object> row = new ArrayList<>(combo);
            for (int i = 0; i < metrics.size(); i++) {
                Number n = total(key, metrics.get(i), String.join("|", combo));
                sums[i] += n.doubleValue();
                row.add(n);
            }
            rows.add(row);
        }
        if (!dimensions.isEmpty()) {
            List<Object> total = new ArrayList<>();
            total.add("Total");
            for (int i = 1; i < dimensions.size(); i++) {
                total.add("");
            }
            for (int i = 0; i < metrics.size(); i++) {
                total.add(ratio(metrics.get(i)) ? round(sums[i] / combos.size(), 4) : (Object) Math.round(sums[i]));
            }
            rows.add(total);
        }
        return Map.of("values", rows);
    }

    /** The metric over the whole period: a count (Long) or a ratio (Double). */
    private Number total(String key, String metric, String dimensionValue) {
        RowHash h = RowHash.of(integration, key, metric, dimensionValue);
        if (ratio(metric)) {
            return round(h.unit(), 4);
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        return h.between(5, 900) * days;
    }

    /** The metric on one day of a date chart. */
    private Number daily(String key, String metric, String seriesAndDay) {
        RowHash h = RowHash.of(integration, key, metric, seriesAndDay);
        return ratio(metric) ? (Number) round(h.unit(), 4) : (Number) (long) h.between(5, 900);
    }

    private List<String> values(String dimension) {
        return switch (dimension.toLowerCase(Locale.ROOT)) {
            case "date", "date_start", "day" -> days();
            case "gender" -> List.of("Male", "Female", "Unknown");
            case "age" -> List.of("13-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+");
            case "city" -> List.of("Sao Paulo", "Rio de Janeiro", "Lisbon", "Porto", "Curitiba", "Recife", "Salvador",
                    "Fortaleza", "Belo Horizonte", "Manaus");
            case "country" -> List.of("BR", "PT", "US", "AR", "ES", "MX", "FR", "DE");
            case "hour" -> hours();
            default -> numbered(dimension);
        };
    }

    private List<String> days() {
        List<String> out = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(end) && out.size() < MAX_DATE_LABELS; d = d.plusDays(1)) {
            out.add(d.toString());
        }
        return out;
    }

    private static List<String> hours() {
        List<String> out = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            out.add(Integer.toString(h));
        }
        return out;
    }

    private static List<String> numbered(String dimension) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            out.add(dimension + " " + i);
        }
        return out;
    }

    private static boolean ratio(String metric) {
        String m = metric.toLowerCase(Locale.ROOT);
        return m.contains("rate") || m.contains("ctr") || m.contains("average");
    }

    private static double round(double v, int digits) {
        return BigDecimal.valueOf(v).setScale(digits, RoundingMode.HALF_UP).doubleValue();
    }

    private static LocalDate date(JsonNode body, String field, boolean required) throws ReporteiRefusal {
        String text = text(body, field);
        if (text == null) {
            if (required) {
                throw new ReporteiRefusal(422, "The " + field + " field is required.");
            }
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new ReporteiRefusal(422, "The " + field + " field must be a valid date.");
        }
    }

    /** Metric or dimension names; a dimension object counts by its field unless it only filters (has an operator). */
    private static List<String> names(JsonNode node, boolean dimensions) throws ReporteiRefusal {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new ReporteiRefusal(422, "The " + (dimensions ? "dimensions" : "metrics") + " field must be an array.");
        }
        for (JsonNode n : node) {
            if (n.isTextual()) {
                out.add(n.asText());
            } else if (dimensions && n.isObject() && n.hasNonNull("field") && !n.has("operator")) {
                out.add(n.get("field").asText());
            }
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }
}
