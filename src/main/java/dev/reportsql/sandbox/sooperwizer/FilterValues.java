package dev.reportsql.sandbox.sooperwizer;

import java.util.List;
import java.util.Map;

/** The filters of one get-data request, already checked against the report's schema. */
final class FilterValues {
    private final Map<String, String> singles;
    private final Map<String, List<String>> lists;

    FilterValues(Map<String, String> singles, Map<String, List<String>> lists) {
        this.singles = Map.copyOf(singles);
        this.lists = Map.copyOf(lists);
    }

    static FilterValues none() {
        return new FilterValues(Map.of(), Map.of());
    }

    /** The value of a single filter, or null when it was not given. */
    String single(String name) {
        return singles.get(name);
    }

    /** The values of a list filter, or null when it was not given. */
    List<String> list(String name) {
        return lists.get(name);
    }
}
