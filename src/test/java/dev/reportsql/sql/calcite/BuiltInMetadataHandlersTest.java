package dev.reportsql.sql.calcite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.junit.jupiter.api.Test;

class BuiltInMetadataHandlersTest {
    /** Every kind of metadata this Calcite version defines gets a written-out handler, not a proxy. */
    @Test
    void everyBuiltInKindHasAHandlerClass() {
        List<Class<?>> kinds = builtInHandlerInterfaces();
        assertTrue(kinds.size() >= 25, "handler interfaces found: " + kinds);
        ReflectiveMetadataHandlers handlers = ReflectiveMetadataHandlers.of(DefaultRelMetadataProvider.INSTANCE);
        for (Class<?> kind : kinds) {
            Object h = handlers.handler(kind.asSubclass(handlerType()));
            assertTrue(kind.isInstance(h), kind.getName());
            assertFalse(Proxy.isProxyClass(h.getClass()), kind.getName() + " is answered by a proxy");
            assertEquals("ReflectiveMetadataHandler[" + kind.getName() + "]", h.toString());
        }
    }

    /** Each method of each handler forwards its own name and exactly its arguments, and returns the answer. */
    @Test
    void everyMethodForwardsItsNameAndArguments() throws Exception {
        for (Class<?> kind : builtInHandlerInterfaces()) {
            List<String> calls = new ArrayList<>();
            Map<String, BuiltInMetadataHandlers.Call> byName = new HashMap<>();
            Object[] last = new Object[1];
            Object answer = new Object();
            for (Method m : abstractMethods(kind)) {
                byName.put(m.getName(), args -> {
                    calls.add(m.getName());
                    last[0] = args;
                    return m.getReturnType().isInstance(answer) ? answer : null;
                });
            }
            Object h = BuiltInMetadataHandlers.of(kind, byName, "h");
            assertNotNull(h, kind.getName());
            for (Method m : abstractMethods(kind)) {
                Object[] args = sampleArguments(m);
                Object result = m.invoke(h, args);
                assertEquals(m.getName(), calls.get(calls.size() - 1), kind.getName());
                assertArrayEquals(args, (Object[]) last[0], kind.getName() + "." + m.getName());
                if (m.getReturnType().isInstance(answer)) {
                    assertSame(answer, result);
                }
            }
            assertEquals(abstractMethods(kind).size(), calls.size(), kind.getName());
        }
    }

    /** An exception from the handler method reaches the caller as it was; a checked one is wrapped as a proxy would. */
    @Test
    void exceptionsPassAsAProxyPassesThem() {
        IllegalStateException boom = new IllegalStateException("boom");
        Map<String, BuiltInMetadataHandlers.Call> throwing = Map.of("getRowCount", args -> {
            throw boom;
        });
        BuiltInMetadata.RowCount.Handler h = (BuiltInMetadata.RowCount.Handler) BuiltInMetadataHandlers.of(
                BuiltInMetadata.RowCount.Handler.class, throwing, "h");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> h.getRowCount(null, null)));
        Exception checked = new Exception("checked");
        Map<String, BuiltInMetadataHandlers.Call> checkedThrowing = Map.of("getRowCount", args -> {
            throw checked;
        });
        BuiltInMetadata.RowCount.Handler h2 = (BuiltInMetadata.RowCount.Handler) BuiltInMetadataHandlers.of(
                BuiltInMetadata.RowCount.Handler.class, checkedThrowing, "h");
        assertSame(checked, assertThrows(java.lang.reflect.UndeclaredThrowableException.class,
                () -> h2.getRowCount(null, null)).getCause());
    }

    /** The same rel tree, asked through these handlers and through Calcite's own, gives the same answers. */
    @Test
    void answersEqualCalcitesOwnHandlers() {
        RelBuilder b = RelBuilder.create(Frameworks.newConfigBuilder().build());
        RelNode rel = b.values(new String[] {"k", "v"}, 1, "a", 2, "b", 3, "c")
                .filter(b.call(SqlStdOperatorTable.GREATER_THAN, b.field("k"), b.literal(1)))
                .aggregate(b.groupKey("v"), b.count(false, "n"))
                .sort(0)
                .build();
        RelMetadataQuery ours = new RelMetadataQuery(ReflectiveMetadataHandlers.of(DefaultRelMetadataProvider.INSTANCE));
        RelMetadataQuery calcites = RelMetadataQuery.instance();
        for (RelNode r : relsOf(rel)) {
            String at = RelOptUtil.toString(r);
            assertEquals(calcites.getRowCount(r), ours.getRowCount(r), at);
            assertEquals(calcites.getMaxRowCount(r), ours.getMaxRowCount(r), at);
            assertEquals(calcites.getMinRowCount(r), ours.getMinRowCount(r), at);
            assertEquals(calcites.getCumulativeCost(r), ours.getCumulativeCost(r), at);
            assertEquals(calcites.getNonCumulativeCost(r), ours.getNonCumulativeCost(r), at);
            assertEquals(calcites.getUniqueKeys(r), ours.getUniqueKeys(r), at);
            assertEquals(calcites.getPulledUpPredicates(r).pulledUpPredicates,
                    ours.getPulledUpPredicates(r).pulledUpPredicates, at);
            assertEquals(calcites.collations(r), ours.collations(r), at);
            assertEquals(calcites.areColumnsUnique(r, ImmutableBitSet.of(0)), ours.areColumnsUnique(r, ImmutableBitSet.of(0)), at);
            assertEquals(calcites.getDistinctRowCount(r, ImmutableBitSet.of(0), null),
                    ours.getDistinctRowCount(r, ImmutableBitSet.of(0), null), at);
            assertEquals(calcites.getAverageRowSize(r), ours.getAverageRowSize(r), at);
        }
    }

    private static List<RelNode> relsOf(RelNode root) {
        List<RelNode> all = new ArrayList<>();
        all.add(root);
        for (int i = 0; i < all.size(); i++) {
            all.addAll(all.get(i).getInputs());
        }
        assertEquals(4, all.size(), RelOptUtil.toString(root));
        return all;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<MetadataHandler<?>> handlerType() {
        return (Class) MetadataHandler.class;
    }

    private static List<Class<?>> builtInHandlerInterfaces() {
        List<Class<?>> kinds = new ArrayList<>();
        for (Class<?> metadata : BuiltInMetadata.class.getDeclaredClasses()) {
            for (Class<?> nested : metadata.getDeclaredClasses()) {
                if (nested.getSimpleName().equals("Handler") && MetadataHandler.class.isAssignableFrom(nested)) {
                    kinds.add(nested);
                }
            }
        }
        return kinds;
    }

    private static List<Method> abstractMethods(Class<?> kind) {
        List<Method> methods = new ArrayList<>();
        for (Method m : kind.getDeclaredMethods()) {
            if (Modifier.isAbstract(m.getModifiers())) {
                methods.add(m);
            }
        }
        return methods;
    }

    /** Distinct values per position, so an argument passed in the wrong place shows. */
    private static Object[] sampleArguments(Method m) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == int.class) {
                args[i] = 40 + i;
            } else if (types[i] == boolean.class) {
                args[i] = i % 2 == 0;
            } else if (types[i] == ImmutableBitSet.class) {
                args[i] = ImmutableBitSet.of(i);
            } else {
                args[i] = null;
            }
        }
        return args;
    }
}
