package dev.reportsql.sandbox.keycloak;

import java.util.List;

/**
 * A user of the simulated realm as it starts, as {@code SandboxMain} prints it. The passwords are
 * public demo values, not secrets.
 */
public record DemoUser(String name, String password, boolean hasRole, boolean disabled, String note) {
    /** The realm's users, in the order docs/sandbox.md lists them. */
    public static final List<DemoUser> ALL = List.of(
            new DemoUser("demo", "demo", true, false, "all reports; used by jdbc:sooperwizer:demo"),
            new DemoUser("alice", "alice-pw", true, false, "all reports"),
            new DemoUser("bob", "bob-pw", false, false, "lacks the role: the API answers 400"),
            new DemoUser("carol", "carol-pw", true, true, "disabled: login answers 400 Account disabled"),
            new DemoUser("dave", "dave-pw", true, false, "sees only reports 101 and 103"),
            new DemoUser("oscar", "oscar-pw", true, false, "sees the awkward reports 201-207 (and 101, 103)"));

    /** Leaves the password out, as every sandbox log line does. */
    @Override
    public String toString() {
        return "DemoUser[" + name + "]";
    }
}
