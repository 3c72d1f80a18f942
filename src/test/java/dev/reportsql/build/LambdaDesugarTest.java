package dev.reportsql.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The lambda rewrite of the shaded jar ({@link LambdaDesugar}) on a fixture holding every shape it
 * handles: the rewritten classes, loaded in their own class loader, must give exactly the lines the
 * compiled ones give, with no {@code LambdaMetafactory.metafactory} site left.
 */
class LambdaDesugarTest {
    private static final String PACKAGE = "dev/reportsql/build/";

    @Test
    void rewrittenFixtureBehavesLikeTheCompiledOne() throws Exception {
        Map<String, byte[]> entries = fixtureEntries();
        Set<String> hosts = new LinkedHashSet<>();
        for (String entry : entries.keySet()) {
            hosts.add(entry.substring(0, entry.length() - ".class".length()));
        }
        LambdaDesugar.Result result = LambdaDesugar.rewrite(entries, hosts, LambdaDesugar.classpathLookup(entries));
        assertEquals(0, result.kept(), "every metafactory site of the fixture can be rewritten");
        assertEquals(29, result.sites(), "the fixture's metafactory sites, each rewritten");

        Map<String, byte[]> rewritten = new HashMap<>(entries);
        rewritten.putAll(result.classes());
        for (Map.Entry<String, byte[]> e : rewritten.entrySet()) {
            assertEquals(0, metafactorySites(e.getValue()), e.getKey() + " still links a lambda at run time");
        }
        // The serializable lambda keeps its bootstrap, at its site and in $deserializeLambda$.
        assertEquals(2, altMetafactorySites(rewritten.get(PACKAGE + "LambdaShapes.class")),
                "the serializable lambda keeps its bootstrap");
        assertTrue(result.classes().keySet().stream().anyMatch(n -> n.contains("LambdaShapes$Tri" + LambdaDesugar.SUFFIX)),
                "an interface's lambdas are rewritten too: " + result.classes().keySet());

        @SuppressWarnings("unchecked")
        List<String> expected = (List<String>) LambdaShapes.class.getMethod("run").invoke(null);
        ClassLoader loader = new MapLoader(rewritten, getClass().getClassLoader());
        Class<?> shapes = loader.loadClass("dev.reportsql.build.LambdaShapes");
        assertEquals(loader, shapes.getClassLoader());
        Method run = shapes.getMethod("run");
        @SuppressWarnings("unchecked")
        List<String> actual = (List<String>) run.invoke(null);
        assertEquals(expected, actual);
        assertTrue(actual.contains("identity true"), actual.toString());
        assertTrue(actual.contains("same-named bodies base:b1 base:d1 derived:d1"), actual.toString());
        Class<?> generated = loader.loadClass("dev.reportsql.build.LambdaShapes" + LambdaDesugar.SUFFIX + "0");
        assertTrue(generated.isSynthetic());
    }

    @Test
    void preloadListNamesGeneratedClassesAfterTheirHostAsTheListNamesIt() {
        List<String> lines = List.of("# comment", "anchor com.example.Lib", "org.apache.calcite.A$B", "dev.reportsql.X");
        Map<String, List<String>> generated = Map.of(
                "dev/reportsql/shaded/org/apache/calcite/A$B", List.of("dev/reportsql/shaded/org/apache/calcite/A$B$$Fn$0"),
                "dev/reportsql/X", List.of("dev/reportsql/X$$Fn$0", "dev/reportsql/X$$Fn$1"));
        String list = LambdaDesugar.preloadList(lines, generated, "dev.reportsql.shaded");
        assertEquals("# comment\nanchor com.example.Lib\norg.apache.calcite.A$B\norg.apache.calcite.A$B$$Fn$0\n"
                + "dev.reportsql.X\ndev.reportsql.X$$Fn$0\ndev.reportsql.X$$Fn$1\n", list);
    }

    @Test
    void localVariableTablesGoAndLineNumbersStay() throws Exception {
        byte[] original = fixtureEntries().get(PACKAGE + "LambdaShapes.class");
        byte[] stripped = ShadedJarRewrite.withoutLocalVariables(original);
        assertTrue(stripped.length < original.length);
        int[] counts = new int[2];
        new ClassReader(stripped).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] ex) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitLocalVariable(String n, String d, String s, org.objectweb.asm.Label a,
                                                   org.objectweb.asm.Label b, int index) {
                        counts[0]++;
                    }

                    @Override
                    public void visitLineNumber(int line, org.objectweb.asm.Label start) {
                        counts[1]++;
                    }
                };
            }
        }, 0);
        assertEquals(0, counts[0]);
        assertTrue(counts[1] > 50, "line numbers kept: " + counts[1]);
    }

    private static Map<String, byte[]> fixtureEntries() throws IOException, URISyntaxException {
        Path dir = Path.of(LambdaShapes.class.getResource("LambdaShapes.class").toURI()).getParent();
        Map<String, byte[]> entries = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String file = p.getFileName().toString();
                if (file.startsWith("LambdaShapes") && file.endsWith(".class")) {
                    entries.put(PACKAGE + file, Files.readAllBytes(p));
                }
            }
        }
        return entries;
    }

    private static int metafactorySites(byte[] bytes) {
        return bootstrapSites(bytes, "metafactory");
    }

    private static int altMetafactorySites(byte[] bytes) {
        return bootstrapSites(bytes, "altMetafactory");
    }

    private static int bootstrapSites(byte[] bytes, String bootstrap) {
        int[] n = new int[1];
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] ex) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitInvokeDynamicInsn(String name, String desc, Handle bsm, Object... args) {
                        if (bsm.getOwner().equals(LambdaDesugar.METAFACTORY_OWNER) && bsm.getName().equals(bootstrap)) {
                            n[0]++;
                        }
                    }
                };
            }
        }, 0);
        return n[0];
    }

    /** Defines the given class files itself (so they share a run-time package), anything else from its parent. */
    private static final class MapLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        MapLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    byte[] b = classes.get(name.replace('.', '/') + ".class");
                    c = b == null ? super.loadClass(name, false) : defineClass(name, b, 0, b.length);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    @Test
    void fixtureCoversTheShapesItNames() {
        List<String> lines = LambdaShapes.run();
        assertFalse(lines.isEmpty());
        assertTrue(lines.contains("serializable ran"), lines.toString());
    }
}
