package dev.reportsql.cli;

import java.nio.file.Path;

/**
 * Parsed command-line options.
 *
 * @param sql            the SQL argument, or null to read SQL from {@code file}, stdin or the shell
 * @param file           {@code -f FILE}: statements separated by {@code ;}, or null
 * @param promptPassword {@code -W}: ask for the password on the console even when one is set elsewhere
 * @param forceShell     {@code --shell}: the interactive shell even when stdin is not a terminal
 * @param forceProgress  {@code --progress}: the progress line even when stderr is not a terminal
 * @param history        the shell's history file, or null for {@code ~/.reportsql_history}
 */
record Options(String url, String user, String password, boolean promptPassword, OutputFormat format, int maxRows,
        String sql, Path file, boolean forceShell, boolean forceProgress, Path history, boolean help) {
    static final String DEMO_URL = "jdbc:sooperwizer:demo";

    static Options parse(String[] args) {
        String url = DEMO_URL;
        String user = null;
        String password = null;
        boolean prompt = false;
        OutputFormat format = OutputFormat.TABLE;
        int maxRows = 1000;
        String sql = null;
        Path file = null;
        boolean shell = false;
        boolean progress = false;
        Path history = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    return new Options(url, user, password, prompt, format, maxRows, sql, file, shell, progress, history, true);
                }
                case "--url" -> url = value(args, ++i, a);
                case "--user" -> user = value(args, ++i, a);
                case "--password" -> password = value(args, ++i, a);
                case "-W", "--password-prompt" -> prompt = true;
                case "--csv" -> format = OutputFormat.CSV;
                case "--format" -> format = OutputFormat.parse(value(args, ++i, a));
                case "-f", "--file" -> file = Path.of(value(args, ++i, a));
                case "--shell" -> shell = true;
                case "--progress" -> progress = true;
                case "--history" -> history = Path.of(value(args, ++i, a));
                case "--max-rows" -> maxRows = maxRows(value(args, ++i, a));
                default -> {
                    if (a.startsWith("--") || (a.startsWith("-") && a.length() == 2)) {
                        throw new IllegalArgumentException("Unknown option " + a);
                    }
                    if (sql != null) {
                        throw new IllegalArgumentException("Give the SQL as one argument (quote it)");
                    }
                    sql = a;
                }
            }
        }
        if (sql != null && sql.isBlank()) {
            throw new IllegalArgumentException("No SQL given");
        }
        if (sql != null && file != null) {
            throw new IllegalArgumentException("Give either SQL or -f FILE, not both");
        }
        if (shell && (sql != null || file != null)) {
            throw new IllegalArgumentException("--shell reads its statements from the terminal: leave out the SQL and -f");
        }
        return new Options(url, user, password, prompt, format, maxRows, sql, file, shell, progress, history, false);
    }

    private static int maxRows(String text) {
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--max-rows needs a whole number");
        }
        if (n < 1) {
            throw new IllegalArgumentException("--max-rows needs a number of at least 1");
        }
        return n;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
