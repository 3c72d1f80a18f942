package dev.reportsql.cli;

import java.util.Locale;

/** How results are printed: an aligned table for people, CSV or JSON lines for programs. */
enum OutputFormat {
    TABLE, CSV, JSON;

    static OutputFormat parse(String name) {
        for (OutputFormat f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("--format needs table, csv or json, not '" + name + "'");
    }
}
