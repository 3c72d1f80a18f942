package dev.reportsql.sandbox.keycloak;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The realm's users. Usernames are case-insensitive, as in Keycloak. */
final class UserDirectory {
    private static final class Account {
        final boolean hasRole;
        volatile String password;
        volatile boolean disabled;

        Account(DemoUser user) {
            this.hasRole = user.hasRole();
            this.password = user.password();
            this.disabled = user.disabled();
        }
    }

    private final Map<String, Account> accounts = new ConcurrentHashMap<>(
            DemoUser.ALL.stream().collect(Collectors.toMap(DemoUser::name, Account::new)));

    /** The canonical (lower-case) name of an existing user, or null. */
    String find(String username) {
        String key = username.toLowerCase(Locale.ROOT);
        return accounts.containsKey(key) ? key : null;
    }

    boolean passwordMatches(String user, String password) {
        return password != null && password.equals(account(user).password);
    }

    boolean isDisabled(String user) {
        return account(user).disabled;
    }

    boolean hasReportRole(String user) {
        return account(user).hasRole;
    }

    void setPassword(String user, String password) {
        if (password == null) {
            throw new IllegalArgumentException("password must not be null");
        }
        account(user).password = password;
    }

    void setDisabled(String user, boolean disabled) {
        account(user).disabled = disabled;
    }

    private Account account(String user) {
        Account a = user == null ? null : accounts.get(user.toLowerCase(Locale.ROOT));
        if (a == null) {
            throw new IllegalArgumentException("Unknown sandbox user '" + user + "'; known: "
                    + DemoUser.ALL.stream().map(DemoUser::name).collect(Collectors.joining(", ")));
        }
        return a;
    }
}
