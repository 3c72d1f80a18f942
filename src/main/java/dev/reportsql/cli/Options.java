package dev.reportsql.cli;

/** Parsed command-line options. */
record Options(String url, String user, String password, boolean csv, int maxRows, String sql, boolean help) {
    static Options parse(String[] args) {
        String url = "jdbc:sooperwizer:demo";
        String user = null;
        String password = null;
        boolean csv = false;
        int maxRows = 1000;
        String sql = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    return new Options(url, user, password, csv, maxRows, sql, true);
                }
                case "--url" -> url = value(args, ++i, a);
                case "--user" -> user = value(args, ++i, a);
                case "--password" -> password = value(args, ++i, a);
                case "--csv" -> csv = true;
                case "--max-rows" -> {
                    try {
                        maxRows = Integer.parseInt(value(args, ++i, a));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--max-rows needs a whole number");
                    }
                    if (maxRows < 1) {
                        throw new IllegalArgumentException("--max-rows needs a number of at least 1");
                    }
                }
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("Unknown option " + a);
                    }
                    if (sql != null) {
                        throw new IllegalArgumentException("Give the SQL as one argument (quote it)");
                    }
                    sql = a;
                }
            }
        }
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("No SQL given");
        }
        return new Options(url, user, password, csv, maxRows, sql, false);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
