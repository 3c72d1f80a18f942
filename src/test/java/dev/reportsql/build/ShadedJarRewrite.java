package dev.reportsql.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Build step bound to {@code package}, between the shade plugin and the repack (pom.xml): rewrites the
 * shaded jar's class files in place (docs/performance.md).
 *
 * <ol>
 *   <li>Bundled libraries' classes lose their local variable tables, which only a debugger reads (stack
 *       traces use the line number tables, which stay; parameter names come from another attribute):
 *       2.6 MB of the jar. Our own classes keep theirs.
 *   <li>{@link LambdaDesugar} turns the lambda sites of the classes a first session loads into
 *       ordinary classes, and the preload list gains those classes.
 * </ol>
 *
 * <p>Arguments: the jar, the preload list's entry name, and the relocation prefix of bundled classes.
 */
public final class ShadedJarRewrite {
    /** Entry times of the rewritten jar: fixed, so that the same input gives the same jar. */
    private static final long TIME = 1_577_836_800_000L;

    private ShadedJarRewrite() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ShadedJarRewrite <jar> <preload list entry> <relocation prefix>");
        }
        Path jar = Path.of(args[0]);
        String prefix = args[2];
        Map<String, byte[]> entries = read(jar);
        byte[] list = entries.get(args[1]);
        if (list == null) {
            throw new IllegalStateException(args[1] + " is not in " + jar);
        }
        String bundled = prefix.replace('.', '/') + "/";
        long before = 0;
        long after = 0;
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (e.getKey().startsWith(bundled) && e.getKey().endsWith(".class")) {
                before += e.getValue().length;
                e.setValue(withoutLocalVariables(e.getValue()));
                after += e.getValue().length;
            }
        }
        List<String> lines = List.of(new String(list, StandardCharsets.UTF_8).split("\n"));
        Set<String> hosts = new LinkedHashSet<>();
        for (String line : lines) {
            String name = LambdaDesugar.className(line);
            if (name != null) {
                hosts.add(LambdaDesugar.relocated(name, prefix).replace('.', '/'));
            }
        }
        LambdaDesugar.Result result = LambdaDesugar.rewrite(entries, hosts, LambdaDesugar.classpathLookup(entries));
        entries.putAll(result.classes());
        entries.put(args[1], LambdaDesugar.preloadList(lines, result.generated(), prefix).getBytes(StandardCharsets.UTF_8));
        write(jar, entries);
        System.out.printf(Locale.ROOT, "[ShadedJarRewrite] local variable tables: %,d -> %,d bytes of bundled classes;"
                + " lambdas: %d call sites in %d classes -> %d generated classes, %d sites left as invokedynamic%n",
                before, after, result.sites(), result.generated().size(),
                result.generated().values().stream().mapToInt(List::size).sum(), result.kept());
    }

    /** The class file without LocalVariableTable and LocalVariableTypeTable; one ASM can't read stays as it is. */
    static byte[] withoutLocalVariables(byte[] bytes) {
        try {
            ClassReader reader = new ClassReader(bytes);
            ClassWriter writer = new ClassWriter(0);
            reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] ex) {
                    return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, desc, signature, ex)) {
                        @Override
                        public void visitLocalVariable(String n, String d, String s, Label start, Label end, int index) {
                            // dropped
                        }
                    };
                }
            }, 0);
            return writer.toByteArray();
        } catch (RuntimeException unreadable) {
            return bytes;
        }
    }

    static Map<String, byte[]> read(Path jar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    /** Writes the entries in their order (the manifest stays first); the repack step compresses the jar again. */
    static void write(Path jar, Map<String, byte[]> entries) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".rewritten");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            out.setLevel(1);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(TIME);
                out.putNextEntry(entry);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
    }
}
