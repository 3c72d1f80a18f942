package dev.reportsql.sandbox.sooperwizer;

/** One entry of a report's {@code Filters} schema. */
record FilterSpec(String name, Type type, boolean required) {

    /** How a filter's value is passed: one string, or an array of strings. */
    enum Type {
        SINGLE("single"),
        LIST("list");

        private final String json;

        Type(String json) {
            this.json = json;
        }

        /** The value of {@code type} in the catalog. */
        String json() {
            return json;
        }
    }

    static FilterSpec single(String name, boolean required) {
        return new FilterSpec(name, Type.SINGLE, required);
    }

    static FilterSpec list(String name, boolean required) {
        return new FilterSpec(name, Type.LIST, required);
    }
}
