package dev.reportsql.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Build step (docs/performance.md, "lambdas compiled into classes"): rewrites the lambdas and method
 * references of the classes a new JVM's first session loads into ordinary classes, inside the shaded jar.
 *
 * <p>A lambda is an {@code invokedynamic} that the JVM links on first use by spinning a class with the
 * JDK's internal ASM. Calcite's operator, type and convertlet tables hold hundreds of them, so a first
 * query spins ~450 classes, and C2 then compiles the JDK's ASM because it got hot: over a second of CPU
 * on a machine whose two cores are already busy. Here each call site becomes an {@code invokestatic} of a
 * factory in a generated class, so the JVM only loads classes from the jar.
 *
 * <p>One generated class serves every site of a host class that has the same functional interface
 * method ({@link Dispatchers}): it holds a site number and the captured values, and its interface method
 * switches on the number. Fewer, larger classes keep the jar small. Only sites with the plain
 * {@code LambdaMetafactory.metafactory} bootstrap are rewritten (serializable lambdas and those with
 * marker interfaces or bridges keep theirs), and only where the generated class can call the target
 * directly: a private target in the host is opened to the package (a static one) or reached through a
 * static bridge the host gains (an instance one); anything else is left as it was.
 *
 * <p>{@link ShadedJarRewrite} runs it over the classes the preload list names, and adds the generated
 * classes to the list after their host, so the preload thread loads them too.
 */
public final class LambdaDesugar {
    static final String METAFACTORY_OWNER = "java/lang/invoke/LambdaMetafactory";
    static final String METAFACTORY_DESC = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;"
            + "Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;";
    /** Marks generated classes; the JDK's own lambda classes are named {@code $$Lambda$}. */
    static final String SUFFIX = "$$Fn$";

    private LambdaDesugar() {
    }

    /** What {@link #rewrite} produced: changed and new class files by entry name, and its counts. */
    record Result(Map<String, byte[]> classes, Map<String, List<String>> generated, int sites, int kept) {
    }

    /**
     * Rewrites the lambda sites of the named host classes. {@code entries} maps entry names
     * ("a/B.class") to bytes; {@code lookup} gives any class file's bytes by internal name, or null.
     */
    static Result rewrite(Map<String, byte[]> entries, Set<String> hosts, Function<String, byte[]> lookup) {
        Access access = new Access(lookup);
        Map<String, byte[]> out = new LinkedHashMap<>();
        Map<String, List<String>> generated = new LinkedHashMap<>();
        int sites = 0;
        int kept = 0;
        for (String host : hosts) {
            byte[] bytes = entries.get(host + ".class");
            if (bytes == null) {
                continue;
            }
            ClassNode node = new ClassNode();
            ClassReader reader;
            try {
                reader = new ClassReader(bytes);
                reader.accept(node, 0);
            } catch (RuntimeException unreadable) {
                // ASM refuses a few class files (type annotations with offsets past the code); they keep
                // their lambdas.
                continue;
            }
            HostRewrite rewrite = new HostRewrite(node, access);
            if (!rewrite.run()) {
                kept += rewrite.kept();
                continue;
            }
            ClassWriter writer = new ClassWriter(reader, 0);
            node.accept(writer);
            out.put(host + ".class", writer.toByteArray());
            List<String> names = new ArrayList<>();
            for (Map.Entry<String, byte[]> d : rewrite.dispatchers().entrySet()) {
                out.put(d.getKey() + ".class", d.getValue());
                names.add(d.getKey());
            }
            generated.put(host, names);
            sites += rewrite.sites();
            kept += rewrite.kept();
        }
        return new Result(out, generated, sites, kept);
    }

    /** Rewrites one host class's node in place and builds its generated classes. */
    static final class HostRewrite {
        private final ClassNode host;
        private final Access access;
        private final Map<String, Dispatchers.Group> groups = new LinkedHashMap<>();
        private final Map<String, String> bridges = new HashMap<>();
        private final Map<String, byte[]> dispatchers = new LinkedHashMap<>();
        private int sites;
        private int kept;

        HostRewrite(ClassNode host, Access access) {
            this.host = host;
            this.access = access;
        }

        boolean run() {
            List<MethodNode> added = new ArrayList<>();
            for (MethodNode method : host.methods) {
                for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                    if (!(insn instanceof InvokeDynamicInsnNode)) {
                        continue;
                    }
                    InvokeDynamicInsnNode indy = (InvokeDynamicInsnNode) insn;
                    if (!isMetafactory(indy)) {
                        continue;
                    }
                    Dispatchers.Site site = Dispatchers.Site.of(indy);
                    Dispatchers.Target target = target(site, added);
                    if (target == null) {
                        kept++;
                        continue;
                    }
                    String key = site.groupKey();
                    Dispatchers.Group group = groups.computeIfAbsent(key,
                            k -> new Dispatchers.Group(host.name + SUFFIX + groups.size(), site));
                    int id = group.add(site, target);
                    MethodInsnNode call = new MethodInsnNode(Opcodes.INVOKESTATIC, group.name(), Dispatchers.factoryName(id),
                            indy.desc, false);
                    method.instructions.set(indy, call);
                    insn = call;
                    sites++;
                }
            }
            host.methods.addAll(added);
            for (Dispatchers.Group group : groups.values()) {
                dispatchers.put(group.name(), group.toBytes(Math.max(host.version & 0xFFFF, Opcodes.V1_8)));
            }
            return sites > 0;
        }

        /** How the generated class reaches the site's target, or null when it can't and the site stays. */
        private Dispatchers.Target target(Dispatchers.Site site, List<MethodNode> added) {
            Handle impl = site.impl();
            int tag = impl.getTag();
            boolean isHost = impl.getOwner().equals(host.name);
            if (Type.getReturnType(impl.getDesc()) == Type.VOID_TYPE && !site.samReturnsVoid() && tag != Opcodes.H_NEWINVOKESPECIAL) {
                return null;
            }
            if (!isHost) {
                if (tag == Opcodes.H_INVOKESPECIAL || !access.reachable(impl, packageOf(host.name))) {
                    return null;
                }
                return Dispatchers.Target.direct(impl);
            }
            MethodNode m = find(impl.getName(), impl.getDesc());
            if (m == null) {
                return null;
            }
            boolean isInterface = (host.access & Opcodes.ACC_INTERFACE) != 0;
            boolean isPrivate = (m.access & Opcodes.ACC_PRIVATE) != 0;
            boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
            if (!isPrivate) {
                return tag == Opcodes.H_INVOKESPECIAL ? null : Dispatchers.Target.direct(impl);
            }
            if (tag == Opcodes.H_NEWINVOKESPECIAL) {
                return null;
            }
            if (isStatic) {
                // Opening a private static method to its package changes no call: static methods are not
                // overridden, and every other call names this class. Interfaces allow only public or private.
                m.access = (m.access & ~Opcodes.ACC_PRIVATE) | (isInterface ? Opcodes.ACC_PUBLIC : 0);
                return Dispatchers.Target.direct(impl);
            }
            // A private instance method opened to the package could be overridden by a subclass there with
            // a lambda body of the same name; a static bridge calls exactly this class's method instead (in
            // an interface a public one: its members are public or private).
            String bridge = bridges.get(impl.getName() + impl.getDesc());
            if (bridge == null) {
                bridge = "lambda$bridge$" + bridges.size() + "$" + impl.getName().replace('$', '_');
                bridges.put(impl.getName() + impl.getDesc(), bridge);
                added.add(Dispatchers.bridge(host.name, isInterface, bridge, impl));
            }
            return Dispatchers.Target.bridge(host.name, isInterface, bridge, impl);
        }

        private MethodNode find(String name, String desc) {
            for (MethodNode m : host.methods) {
                if (m.name.equals(name) && m.desc.equals(desc)) {
                    return m;
                }
            }
            return null;
        }

        Map<String, byte[]> dispatchers() {
            return dispatchers;
        }

        int sites() {
            return sites;
        }

        int kept() {
            return kept;
        }
    }

    static boolean isMetafactory(InvokeDynamicInsnNode indy) {
        return indy.bsm.getOwner().equals(METAFACTORY_OWNER) && indy.bsm.getName().equals("metafactory")
                && indy.bsm.getDesc().equals(METAFACTORY_DESC) && indy.bsmArgs.length == 3;
    }

    static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }

    /** Whether a generated class in a package may call a target that is not in its host. */
    static final class Access {
        private final Function<String, byte[]> lookup;
        private final Map<String, ClassNode> headers = new HashMap<>();

        Access(Function<String, byte[]> lookup) {
            this.lookup = lookup;
        }

        /**
         * Only a target declared by the named class itself counts (an inherited method would need the
         * lookup the JVM does); the class must be public or in the package, the method public, or not
         * private and in the package.
         */
        boolean reachable(Handle impl, String pkg) {
            ClassNode owner = header(impl.getOwner());
            if (owner == null) {
                return false;
            }
            boolean samePackage = packageOf(owner.name).equals(pkg);
            if ((owner.access & Opcodes.ACC_PUBLIC) == 0 && !samePackage) {
                return false;
            }
            for (MethodNode m : owner.methods) {
                if (m.name.equals(impl.getName()) && m.desc.equals(impl.getDesc())) {
                    if ((m.access & Opcodes.ACC_PUBLIC) != 0) {
                        return true;
                    }
                    return (m.access & Opcodes.ACC_PRIVATE) == 0 && samePackage;
                }
            }
            return false;
        }

        private ClassNode header(String name) {
            return headers.computeIfAbsent(name, n -> {
                byte[] b = lookup.apply(n);
                if (b == null) {
                    return null;
                }
                ClassNode node = new ClassNode();
                try {
                    new ClassReader(b).accept(node, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
                } catch (RuntimeException unreadable) {
                    return null;
                }
                return node;
            });
        }
    }

    /** Class files by internal name: the jar's own, else the JDK's (class files are never encapsulated). */
    static Function<String, byte[]> classpathLookup(Map<String, byte[]> entries) {
        return name -> {
            byte[] b = entries.get(name + ".class");
            if (b != null) {
                return b;
            }
            try (InputStream in = ClassLoader.getSystemResourceAsStream(name + ".class")) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** The class a preload list line names, or null for comments; see ClassPreload for the format. */
    static String className(String line) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
            return null;
        }
        if (l.startsWith("anchor ")) {
            return l.substring("anchor ".length()).strip();
        }
        return l;
    }

    static String relocated(String name, String prefix) {
        return name.startsWith("dev.reportsql.") || name.startsWith("java.") || name.startsWith("javax.")
                || name.startsWith("jdk.") || name.startsWith("sun.") ? name : prefix + "." + name;
    }

    /** The preload list with each host's generated classes after it, named the way the list names the host. */
    static String preloadList(List<String> lines, Map<String, List<String>> generated, String prefix) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line).append('\n');
            String name = className(line);
            if (name == null) {
                continue;
            }
            String relocatedName = relocated(name, prefix);
            List<String> gen = generated.get(relocatedName.replace('.', '/'));
            if (gen == null) {
                continue;
            }
            String original = name.substring(0, name.length() - simpleTail(name).length());
            for (String g : gen) {
                out.append(original).append(simpleTail(g.replace('/', '.'))).append('\n');
            }
        }
        return out.toString();
    }

    private static String simpleTail(String dotted) {
        int dot = dotted.lastIndexOf('.');
        return dotted.substring(dot + 1);
    }
}
