package dev.reportsql.it;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Child JVM of {@link ShadedJarIT}: opens a demo connection with only the shaded jar beside it and
 * waits for the driver's class preload thread to finish, so its log line (loaded of listed) is written.
 */
public final class PreloadInJarMain {
    private PreloadInJarMain() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sooperwizer:demo?user=oscar&password=oscar-pw")) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals("reportsql-class-preload")) {
                    t.join(60_000);
                }
            }
            System.out.println("connected=" + !c.isClosed());
        }
    }
}
