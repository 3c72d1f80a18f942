package dev.reportsql.sooperwizer.sql;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.reportsql.types.ColumnDef;
import dev.reportsql.types.ColumnType;

/**
 * Learned columns kept on disk, so that a new JVM (a CLI call, the next run of a job) reuses what an
 * earlier one inferred under the same rule as a connection opened later in the same JVM: the same
 * key (API, user, report and its catalog definition) and the connection's {@code columnsTtl},
 * counted from when the columns were learned. Without it, a new JVM's first query over a report
 * reads the whole response before planning, to type every column (docs/type-inference.md).
 *
 * <p>One small binary file per key, named by the SHA-256 of the key, so no user or report name
 * appears in a file name; directory and files are owner-only. Files are replaced atomically, so a
 * reader sees a whole file or none. The store is a cache: any file it cannot read is treated as
 * absent, and no failure to read or write it reaches a query.
 */
public final class ColumnStore {
    /** System property that sets the store for connections without {@code columnsStore}: a directory or {@code none}. */
    public static final String SYSTEM_PROPERTY = "reportsql.columnsStore";

    /** Nothing is kept: columns live as long as the JVM's memory cache. */
    public static final ColumnStore NONE = new ColumnStore(null);

    private static final Logger LOG = Logger.getLogger(ColumnStore.class.getName());
    private static final int MAGIC = 0x52534331; // "RSC1"
    private static final String SUFFIX = ".columns";
    /** Entries older than this are deleted on the first write of a JVM: no columnsTtl reuses them. */
    static final Duration PRUNE_AFTER = Duration.ofDays(7);
    private static final Set<Path> PRUNED = ConcurrentHashMap.newKeySet();
    /**
     * Files found missing or unreadable. A table's columns are asked for many times while a query is
     * planned and while a tool lists tables; without this, each ask of an unknown report would try
     * the file system again. A write or delete of the file through this JVM forgets the entry.
     */
    private static final Cache<Path, Boolean> NOT_READABLE = Caffeine.newBuilder().maximumSize(20_000).build();

    /** What a file holds. */
    public record Stored(List<ColumnDef> columns, Instant learnedAt) {
    }

    private final Path dir;

    private ColumnStore(Path dir) {
        this.dir = dir;
    }

    /** A store in {@code dir} (created on the first write). */
    public static ColumnStore at(Path dir) {
        return new ColumnStore(dir.toAbsolutePath().normalize());
    }

    /**
     * The store a connection uses: {@code setting} is its {@code columnsStore} property (null when not
     * set), {@code none} turns it off, anything else is a directory. Unset, the system property
     * {@value #SYSTEM_PROPERTY} decides, and without it the user's cache directory.
     */
    public static ColumnStore fromSetting(String setting) {
        if (setting != null && !setting.isBlank()) {
            // A path the platform cannot name is the caller's mistake: InvalidPathException reaches them.
            return parse(setting);
        }
        try {
            String value = System.getProperty(SYSTEM_PROPERTY);
            if (value != null && !value.isBlank()) {
                return parse(value);
            }
            Path home = defaultDirectory();
            return home == null ? NONE : at(home);
        } catch (InvalidPathException e) {
            // An environment nobody here chose (a system property, XDG_CACHE_HOME) never fails a connection.
            LOG.log(Level.FINE, "No learned-columns store: " + e.getMessage(), e);
            return NONE;
        }
    }

    private static ColumnStore parse(String value) {
        String v = value.trim();
        return v.equalsIgnoreCase("none") ? NONE : at(Path.of(v));
    }

    /** {@code $XDG_CACHE_HOME/reportsql/columns}, else {@code %LOCALAPPDATA%} on Windows, else {@code ~/.cache}. */
    static Path defaultDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "reportsql", "columns");
        }
        String local = System.getenv("LOCALAPPDATA");
        if (local != null && !local.isBlank() && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return Path.of(local, "reportsql", "columns");
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "reportsql", "columns");
    }

    /** Whether this store keeps anything. */
    public boolean enabled() {
        return dir != null;
    }

    /** The directory, or null for {@link #NONE}. */
    public Path directory() {
        return dir;
    }

    /** The stored columns for {@code key}, or null when there are none or the file cannot be read. */
    public Stored read(String key) {
        if (dir == null) {
            return null;
        }
        Path file = file(key);
        if (NOT_READABLE.getIfPresent(file) != null) {
            return null;
        }
        try {
            return decode(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            NOT_READABLE.put(file, Boolean.TRUE);
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Ignoring unreadable learned-columns file " + file, e);
            NOT_READABLE.put(file, Boolean.TRUE);
            return null;
        }
    }

    /** Keeps {@code columns} for {@code key}, replacing what was there; failures are logged, never thrown. */
    public void write(String key, List<ColumnDef> columns, Instant learnedAt) {
        if (dir == null) {
            return;
        }
        byte[] bytes;
        try {
            bytes = encode(columns, learnedAt);
        } catch (UTFDataFormatException e) {
            return; // a key or name beyond 64 KB: such a report is learned again by each JVM
        }
        Path target = file(key);
        Path temp = null;
        try {
            createDirectory();
            prune();
            temp = Files.createTempFile(dir, ".write-", ".tmp", ownerOnly("rw-------"));
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            NOT_READABLE.invalidate(target);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Could not keep learned columns in " + dir, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.log(Level.FINE, "Could not delete " + temp, e);
                }
            }
        }
    }

    /** Forgets {@code key}: the next JVM learns the report's columns again. */
    public void delete(String key) {
        if (dir == null) {
            return;
        }
        try {
            Files.deleteIfExists(file(key));
            NOT_READABLE.put(file(key), Boolean.TRUE);
        } catch (IOException e) {
            LOG.log(Level.FINE, "Could not delete learned columns in " + dir, e);
        }
    }

    /** Forgets which files were found missing, as a new JVM would (tests). */
    static void forgetMissingFiles() {
        NOT_READABLE.invalidateAll();
    }

    Path file(String key) {
        return dir.resolve(sha256(key) + SUFFIX);
    }

    private void createDirectory() throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, ownerOnly("rwx------"));
        }
    }

    /** Once per JVM and directory: entries nobody can reuse any more, and writes a crash left behind. */
    private void prune() {
        if (!PRUNED.add(dir)) {
            return;
        }
        Instant oldEntry = Instant.now().minus(PRUNE_AFTER);
        Instant oldTemp = Instant.now().minus(Duration.ofHours(1));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                boolean entry = name.endsWith(SUFFIX);
                if (entry || name.startsWith(".write-")) {
                    Instant modified = Files.getLastModifiedTime(f).toInstant();
                    if (modified.isBefore(entry ? oldEntry : oldTemp)) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Could not prune " + dir, e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
        }
        return new FileAttribute<?>[0];
    }

    static byte[] encode(List<ColumnDef> columns, Instant learnedAt) throws UTFDataFormatException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 32 * columns.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeLong(learnedAt.toEpochMilli());
            out.writeInt(columns.size());
            for (ColumnDef c : columns) {
                out.writeUTF(c.name());
                out.writeUTF(c.jsonKey());
                out.writeUTF(c.type().name());
                out.writeByte(c.scale());
            }
        } catch (UTFDataFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /** The file's content; throws on anything but a whole, well-formed file. */
    static Stored decode(byte[] content) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(content));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a learned-columns file");
        }
        Instant learnedAt = Instant.ofEpochMilli(in.readLong());
        int count = in.readInt();
        if (count <= 0 || count > content.length) {
            throw new IOException("bad column count " + count);
        }
        List<ColumnDef> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            String jsonKey = in.readUTF();
            ColumnType type = ColumnType.valueOf(in.readUTF());
            columns.add(new ColumnDef(name, jsonKey, type, in.readUnsignedByte()));
        }
        if (in.read() != -1) {
            throw new IOException("trailing bytes");
        }
        return new Stored(List.copyOf(columns), learnedAt);
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return dir == null ? "ColumnStore[none]" : "ColumnStore[" + dir + "]";
    }
}
