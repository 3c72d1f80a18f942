package dev.reportsql.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The realm's users. Usernames are case-insensitive, as in Keycloak. */
final class UserDirectory {
    /** The realm role that the API requires for the catalog and for data. */
    static final String REPORT_ROLE = "report:integration:get";

    /** A demo user as SandboxMain prints it. */
    record DemoUser(String name, String password, boolean hasRole, boolean disabled, String note) {
    }

    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("demo", "demo", true, false, "all reports; used by jdbc:sooperwizer:demo"),
            new DemoUser("alice", "alice-pw", true, false, "all reports"),
            new DemoUser("bob", "bob-pw", false, false, "lacks the role: the API answers 400"),
            new DemoUser("carol", "carol-pw", true, true, "disabled: login answers 400 Account disabled"),
            new DemoUser("dave", "dave-pw", true, false, "sees only reports 101 and 103"),
            new DemoUser("oscar", "oscar-pw", true, false, "sees the awkward reports 201-207 (and 101, 103)"));

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
            DEMO_USERS.stream().collect(Collectors.toMap(DemoUser::name, Account::new)));

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
                    + DEMO_USERS.stream().map(DemoUser::name).collect(Collectors.joining(", ")));
        }
        return a;
    }
}
