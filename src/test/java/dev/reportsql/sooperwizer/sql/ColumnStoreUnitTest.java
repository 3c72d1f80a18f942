package dev.reportsql.sooperwizer.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.reportsql.types.ColumnDef;
import dev.reportsql.types.ColumnType;

/** The file format and housekeeping of {@link ColumnStore}; the front-door tests are in ColumnStoreTest. */
class ColumnStoreUnitTest {
    private static final List<ColumnDef> COLUMNS = List.of(ColumnDef.of("Größe \"x\"", ColumnType.DECIMAL, 38),
            new ColumnDef("Qty_2", "Qty", ColumnType.BIGINT, 0), ColumnDef.of("件数", ColumnType.TIMESTAMP, 0),
            ColumnDef.of("", ColumnType.VARCHAR, 0));

    @TempDir
    Path dir;

    @Test
    void roundTripKeepsEveryField() throws IOException {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ColumnStore.Stored back = ColumnStore.decode(ColumnStore.encode(COLUMNS, at));
        assertEquals(COLUMNS, back.columns());
        assertEquals(at, back.learnedAt());
        ColumnStore store = ColumnStore.at(dir);
        store.write("key", COLUMNS, at);
        assertEquals(new ColumnStore.Stored(COLUMNS, at), store.read("key"));
        assertNull(store.read("other key"));
        store.delete("key");
        assertNull(store.read("key"));
    }

    @Test
    void truncatedOrForeignContentIsRefused() throws IOException {
        byte[] whole = ColumnStore.encode(COLUMNS, Instant.now());
        for (int cut = 0; cut < whole.length; cut++) {
            byte[] part = Arrays.copyOf(whole, cut);
            assertThrows(IOException.class, () -> ColumnStore.decode(part), "cut at " + cut);
        }
        byte[] longer = Arrays.copyOf(whole, whole.length + 1);
        assertThrows(IOException.class, () -> ColumnStore.decode(longer));
        ColumnStore store = ColumnStore.at(dir);
        store.write("key", COLUMNS, Instant.now());
        Files.write(store.file("key"), Arrays.copyOf(whole, whole.length / 2));
        assertNull(store.read("key"), "a damaged file reads as none");
    }

    @Test
    void theFirstWriteOfAJvmPrunesWhatNoTtlReuses() throws IOException {
        Path other = dir.resolve("prune");
        Files.createDirectories(other);
        Path old = other.resolve("0".repeat(64) + ".columns");
        Path recent = other.resolve("1".repeat(64) + ".columns");
        Path leftover = other.resolve(".write-123.tmp");
        Path unrelated = other.resolve("notes.txt");
        for (Path p : List.of(old, recent, leftover, unrelated)) {
            Files.writeString(p, "x");
        }
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(ColumnStore.PRUNE_AFTER).minusSeconds(60)));
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        Files.setLastModifiedTime(unrelated, FileTime.from(Instant.now().minus(30, ChronoUnit.DAYS)));
        ColumnStore.at(other).write("key", COLUMNS, Instant.now());
        assertFalse(Files.exists(old));
        assertFalse(Files.exists(leftover));
        assertTrue(Files.exists(recent));
        assertTrue(Files.exists(unrelated), "only the store's own files are touched");
        assertTrue(Files.exists(ColumnStore.at(other).file("key")));
    }

    @Test
    void settingsChooseTheStore() {
        assertSame(ColumnStore.NONE, ColumnStore.fromSetting("none"));
        assertSame(ColumnStore.NONE, ColumnStore.fromSetting("NONE"));
        assertEquals(dir.toAbsolutePath(), ColumnStore.fromSetting(dir.toString()).directory());
        String before = System.getProperty(ColumnStore.SYSTEM_PROPERTY);
        try {
            System.setProperty(ColumnStore.SYSTEM_PROPERTY, dir.toString());
            assertEquals(dir.toAbsolutePath(), ColumnStore.fromSetting(null).directory(), "the system property when unset");
            assertSame(ColumnStore.NONE, ColumnStore.fromSetting("none"), "the property wins");
            System.clearProperty(ColumnStore.SYSTEM_PROPERTY);
            Path home = ColumnStore.defaultDirectory();
            assertEquals(home, ColumnStore.fromSetting("").directory(), "else the user's cache directory");
            assertTrue(home.endsWith(Path.of("reportsql", "columns")), home.toString());
        } finally {
            if (before == null) {
                System.clearProperty(ColumnStore.SYSTEM_PROPERTY);
            } else {
                System.setProperty(ColumnStore.SYSTEM_PROPERTY, before);
            }
        }
    }

    @Test
    void namesBeyondWhatTheFormatHoldsAreNotKept() {
        ColumnStore store = ColumnStore.at(dir);
        List<ColumnDef> huge = List.of(ColumnDef.of("k".repeat(70_000), ColumnType.VARCHAR, 0));
        store.write("key", huge, Instant.now());
        assertNull(store.read("key"));
        assertArrayEquals(new String[0], dir.toFile().list(), "no partial file either");
    }
}
