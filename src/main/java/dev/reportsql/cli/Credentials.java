package dev.reportsql.cli;

import java.util.Properties;

import org.jline.terminal.spi.SystemStream;

/**
 * The user and password for the connection. The password comes, in this order, from a console
 * prompt ({@code -W}), {@code --password}, the {@code REPORTSQL_PASSWORD} variable, or a prompt of
 * its own when a user is given without one on a terminal; so it never has to be on the command line,
 * where other users of the machine can read it.
 */
final class Credentials {
    private static final String PROMPT = "Password: ";

    private Credentials() {
    }

    static Properties properties(Options options, CliEnvironment env) {
        Properties props = new Properties();
        if (options.user() != null) {
            props.setProperty("user", options.user());
        }
        String password = password(options, env);
        if (password != null) {
            props.setProperty("password", password);
        }
        return props;
    }

    private static String password(Options options, CliEnvironment env) {
        if (options.promptPassword()) {
            char[] typed = env.passwords().ask(PROMPT);
            if (typed == null) {
                throw new IllegalArgumentException("-W asks for the password on the console, and there is none: "
                        + "set " + CliEnvironment.PASSWORD_VARIABLE + " instead");
            }
            return new String(typed);
        }
        if (options.password() != null) {
            return options.password();
        }
        String variable = env.variables().get(CliEnvironment.PASSWORD_VARIABLE);
        if (variable != null && !variable.isEmpty()) {
            return variable;
        }
        if (options.user() != null && !options.url().contains("password=") && env.isTerminal().test(SystemStream.Input)) {
            char[] typed = env.passwords().ask(PROMPT);
            return typed == null ? null : new String(typed);
        }
        return null;
    }
}
