package dev.reportsql.sql.calcite;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.CyclicMetadataException;
import org.apache.calcite.rel.metadata.DelegatingMetadataRel;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.MetadataHandlerProvider;
import org.apache.calcite.rel.metadata.NullSentinel;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * Metadata handlers (row counts, costs, predicates, ...) that call Calcite's handler methods by
 * reflection. Calcite's default generates and compiles a Java class with Janino for each kind of
 * metadata the planner asks for, which costs the first query of a JVM a tenth of a second or more.
 * These handlers do what the generated classes do: unwrap delegating rels, cache each result per
 * query in {@link RelMetadataQuery#map} (detecting cycles the same way), and dispatch to the handler
 * method for the most specific rel class, taking the first provider that has one.
 */
public final class ReflectiveMetadataHandlers implements MetadataHandlerProvider {
    /** Handlers are stateless (results live in the query's map), so one set serves a provider everywhere. */
    private static final ConcurrentMap<RelMetadataProvider, ReflectiveMetadataHandlers> BY_PROVIDER =
            new ConcurrentHashMap<>();
    /** Planners create equal providers again and again; a handful of distinct ones is all there is. */
    private static final int MAX_PROVIDERS = 64;

    private final RelMetadataProvider provider;
    private final ConcurrentMap<Class<?>, Object> handlers = new ConcurrentHashMap<>();

    private ReflectiveMetadataHandlers(RelMetadataProvider provider) {
        this.provider = provider;
    }

    /** The handlers for a provider (equal providers share them). */
    public static ReflectiveMetadataHandlers of(RelMetadataProvider provider) {
        if (BY_PROVIDER.size() > MAX_PROVIDERS) {
            BY_PROVIDER.clear();
        }
        return BY_PROVIDER.computeIfAbsent(provider, ReflectiveMetadataHandlers::new);
    }

    @Override
    public <H extends MetadataHandler<?>> H handler(Class<H> handlerClass) {
        return handlerClass.cast(handlers.computeIfAbsent(handlerClass, c -> newHandler(handlerClass)));
    }

    private Object newHandler(Class<? extends MetadataHandler<?>> handlerClass) {
        List<MetadataHandler<?>> impls = new ArrayList<>(new LinkedHashSet<>(provider.handlers(handlerClass)));
        Map<Method, Dispatch> methods = new HashMap<>();
        Map<String, Dispatch> byName = new HashMap<>();
        for (Method m : handlerClass.getDeclaredMethods()) {
            if (!m.getName().equals("getDef") && !m.isSynthetic() && !java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                Dispatch d = new Dispatch(m, impls);
                methods.put(m, d);
                byName.put(m.getName(), d);
            }
        }
        String name = "ReflectiveMetadataHandler[" + handlerClass.getName() + "]";
        // Built-in kinds have no overloaded handler methods, so a name finds the dispatch.
        Object builtIn = byName.size() == methods.size() ? BuiltInMetadataHandlers.of(handlerClass, byName, name) : null;
        if (builtIn != null) {
            return builtIn;
        }
        MetadataDef<?> def = impls.isEmpty() ? null : impls.get(0).getDef();
        return Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass}, (proxy, method, args) -> {
            Dispatch d = methods.get(method);
            if (d != null) {
                return d.call(args);
            }
            switch (method.getName()) {
                case "getDef":
                    return def;
                case "toString":
                    return name;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    throw new UnsupportedOperationException(method.toString());
            }
        });
    }

    /** One handler method: the cache around it and the dispatch by rel class. */
    private static final class Dispatch implements BuiltInMetadataHandlers.Call {
        private final Method method;
        /** Rel classes some handler implements, subclasses before their superclasses. */
        private final List<Class<?>> relClasses;
        /** For each of those classes, the first handler (in provider order) implementing it. */
        private final Map<Class<?>, Target> byDeclaredClass = new LinkedHashMap<>();
        private final ConcurrentMap<Class<?>, Target> byRelClass = new ConcurrentHashMap<>();

        Dispatch(Method method, List<MetadataHandler<?>> impls) {
            this.method = method;
            for (MetadataHandler<?> impl : impls) {
                for (Method candidate : impl.getClass().getMethods()) {
                    Class<?> relClass = implementedRelClass(method, candidate);
                    if (relClass != null && !byDeclaredClass.containsKey(relClass)) {
                        candidate.trySetAccessible();
                        byDeclaredClass.put(relClass, new Target(impl, candidate));
                    }
                }
            }
            this.relClasses = mostSpecificFirst(byDeclaredClass.keySet());
        }

        @Override
        public Object call(Object[] args) throws Throwable {
            RelNode r = (RelNode) args[0];
            while (r instanceof DelegatingMetadataRel) {
                r = ((DelegatingMetadataRel) r).getMetadataDelegateRel();
            }
            RelMetadataQuery mq = (RelMetadataQuery) args[1];
            Object key = key(args);
            Object v = mq.map.get(r, key);
            if (v != null) {
                if (v == NullSentinel.ACTIVE) {
                    throw new CyclicMetadataException();
                }
                return v == NullSentinel.INSTANCE ? null : v;
            }
            mq.map.put(r, key, NullSentinel.ACTIVE);
            try {
                Object[] callArgs = args.clone();
                callArgs[0] = r;
                Object x = target(r.getClass()).invoke(callArgs);
                mq.map.put(r, key, NullSentinel.mask(x));
                return x;
            } catch (Exception e) {
                mq.map.row(r).clear();
                throw e;
            }
        }

        private Object key(Object[] args) {
            if (args.length == 2) {
                return method;
            }
            Object[] key = new Object[args.length - 1];
            key[0] = method;
            for (int i = 2; i < args.length; i++) {
                key[i - 1] = NullSentinel.mask(args[i]);
            }
            return Arrays.asList(key);
        }

        private Target target(Class<?> relClass) {
            Target t = byRelClass.get(relClass);
            if (t == null) {
                t = relClasses.stream().filter(c -> c.isAssignableFrom(relClass)).findFirst()
                        .map(byDeclaredClass::get).orElse(null);
                if (t == null) {
                    throw new IllegalArgumentException("No handler for method [" + method + "] applied to argument of type ["
                            + relClass + "]; we recommend you create a catch-all (RelNode) handler");
                }
                byRelClass.put(relClass, t);
            }
            return t;
        }
    }

    /** A handler object and its method for one rel class. */
    private record Target(Object handler, Method method) {
        Object invoke(Object[] args) throws Throwable {
            try {
                return method.invoke(handler, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    /** The rel class a candidate handler method implements the metadata method for, or null. */
    private static Class<?> implementedRelClass(Method method, Method candidate) {
        if (!method.getName().equals(candidate.getName()) || method.getParameterCount() != candidate.getParameterCount()) {
            return null;
        }
        Class<?>[] c = candidate.getParameterTypes();
        Class<?>[] m = method.getParameterTypes();
        if (!RelNode.class.isAssignableFrom(c[0]) || c[1] != RelMetadataQuery.class) {
            return null;
        }
        for (int i = 2; i < m.length; i++) {
            if (c[i] != m[i]) {
                return null;
            }
        }
        return c[0];
    }

    /** Orders classes so that each comes before its superclasses (ties by name, as Calcite orders them). */
    private static List<Class<?>> mostSpecificFirst(Set<Class<?>> classes) {
        Deque<Class<?>> pending = new ArrayDeque<>();
        classes.stream().sorted(Comparator.comparing(Class::getName)).forEach(pending::add);
        List<Class<?>> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            Class<?> c = pending.remove();
            if (pending.stream().anyMatch(c::isAssignableFrom)) {
                pending.add(c);
            } else {
                ordered.add(c);
            }
        }
        return ordered;
    }
}
