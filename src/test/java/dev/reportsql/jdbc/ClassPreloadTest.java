package dev.reportsql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The preload loads classes without initialising them, skips missing ones and names them as this build does. */
class ClassPreloadTest {
    static boolean initialised;

    /** Loaded by the test; its static initialiser must not run. */
    static final class Probe {
        static {
            initialised = true;
        }
    }

    @Test
    void loadsWithoutRunningStaticInitialisersAndSkipsMissingClasses() throws Exception {
        String probe = ClassPreloadTest.class.getName() + "$Probe";
        int loaded = ClassPreload.load(List.of(probe, "dev.reportsql.NoSuchClass", "org.example.Missing"),
                ClassPreloadTest.class.getClassLoader());
        assertEquals(1, loaded);
        assertFalse(initialised, "a static initialiser ran on the preload thread");
        Class.forName(probe); // initialising it later, as the connecting thread would, still works
        assertTrue(initialised);
    }

    @Test
    void namesOutsideTheDriverTakeTheRelocationPrefixOfTheAnchor() {
        // unshaded here: the anchor's name is its original name, so the prefix is empty
        String list = "# comment\nanchor com.github.benmanes.caffeine.cache.Caffeine\ndev.reportsql.jdbc.ReportSqlDriver\n"
                + "okhttp3.OkHttpClient\n\n";
        assertEquals(List.of("dev.reportsql.jdbc.ReportSqlDriver", "okhttp3.OkHttpClient"),
                ClassPreload.names(new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8))));
        assertEquals(List.of(), ClassPreload.names(null));
    }

    @Test
    void theShippedListLoadsAlmostEntirely() {
        List<String> names = ClassPreload.names(ClassPreload.class.getResourceAsStream(ClassPreload.RESOURCE));
        assertTrue(names.size() > 1000, "the list is on the class path: " + names.size());
        int loaded = ClassPreload.load(names, ClassPreload.class.getClassLoader());
        assertTrue(loaded >= names.size() * 0.95, loaded + " of " + names.size() + " listed classes exist");
    }
}
