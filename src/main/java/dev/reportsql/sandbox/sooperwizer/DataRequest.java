package dev.reportsql.sandbox.sooperwizer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/** A get-data request body, checked against the report's filter schema. */
record DataRequest(ServedReport report, FilterValues filters) {
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * Parses and checks a request body.
     *
     * @param visibleReport the report with this ID if the user may see it, else null
     * @throws BadRequest with the message the API answers
     */
    static DataRequest parse(String contentType, String body, LongFunction<ServedReport> visibleReport)
            throws BadRequest {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).trim().startsWith("application/json")) {
            throw new BadRequest("Content-Type must be application/json, got "
                    + (contentType == null ? "none" : "'" + contentType + "'"));
        }
        JsonNode root = parseJson(body);
        if (!root.isObject()) {
            throw new BadRequest("Request body must be a JSON object, got " + kind(root));
        }
        JsonNode id = root.get("ReportID");
        if (id == null || id.isNull()) {
            throw new BadRequest("ReportID is required");
        }
        if (!id.isNumber()) {
            throw new BadRequest("ReportID must be a number, got " + kind(id));
        }
        if (!id.canConvertToExactIntegral() || !id.canConvertToLong()) {
            throw new BadRequest("ReportID must be a whole number, got " + id.asText());
        }
        ServedReport report = visibleReport.apply(id.asLong());
        if (report == null) {
            throw new BadRequest("Report " + id.asLong() + " does not exist or is not available to this user");
        }
        FilterValues filters = filters(report, root.get("filters"));
        report.generator().validate(filters);
        return new DataRequest(report, filters);
    }

    private static FilterValues filters(ServedReport report, JsonNode node) throws BadRequest {
        if (node == null || node.isNull()) {
            node = STRICT.createObjectNode();
        }
        if (!node.isObject()) {
            throw new BadRequest("filters must be a JSON object, got " + kind(node));
        }
        Map<String, String> singles = new HashMap<>();
        Map<String, List<String>> lists = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String name = e.getKey();
            FilterSpec spec = report.filter(name);
            if (spec == null) {
                throw new BadRequest(unknownFilter(report, name));
            }
            JsonNode value = e.getValue();
            if (spec.type() == FilterSpec.Type.SINGLE) {
                if (!value.isTextual()) {
                    throw new BadRequest("Filter '" + name + "' takes a single string, got " + kind(value));
                }
                singles.put(name, value.textValue());
            } else {
                lists.put(name, stringArray(name, value));
            }
        }
        List<String> missing = report.filters().stream()
                .filter(f -> f.required() && !singles.containsKey(f.name()) && !lists.containsKey(f.name()))
                .map(FilterSpec::name)
                .toList();
        if (!missing.isEmpty()) {
            throw new BadRequest("Missing required filters: " + String.join(", ", missing));
        }
        return new FilterValues(singles, lists);
    }

    private static List<String> stringArray(String name, JsonNode value) throws BadRequest {
        if (!value.isArray()) {
            throw new BadRequest("Filter '" + name + "' takes an array of strings, got " + kind(value));
        }
        List<String> values = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new BadRequest("Filter '" + name + "' takes an array of strings, but an element is "
                        + kind(item));
            }
            values.add(item.textValue());
        }
        return values;
    }

    private static String unknownFilter(ServedReport report, String name) {
        if (report.filters().isEmpty()) {
            return "Unknown filter '" + name + "': report " + report.id() + " takes no filters";
        }
        return "Unknown filter '" + name + "' for report " + report.id() + "; its filters are "
                + report.filters().stream().map(FilterSpec::name).collect(Collectors.joining(", "));
    }

    private static JsonNode parseJson(String body) throws BadRequest {
        if (body.isBlank()) {
            throw new BadRequest("Request body is empty; expected a JSON object");
        }
        try {
            return STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequest("Request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** A JSON value's kind for messages: "a string", "an array", ... */
    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
