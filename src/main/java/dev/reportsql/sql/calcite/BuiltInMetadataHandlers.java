package dev.reportsql.sql.calcite;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.Map;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * Handler objects for Calcite's built-in kinds of metadata, one written-out class per handler
 * interface, for {@link ReflectiveMetadataHandlers}. A {@link java.lang.reflect.Proxy} would do the
 * same with one class for all, but the JVM spins each proxy class with its internal ASM at run time
 * (computing stack frames), and a first query asks for about twenty kinds: spinning them, and the
 * JIT compiling ASM because of it, cost a fresh JVM's first query more than the classes here do to
 * load. Kinds not listed (a custom {@code MetadataHandler}) still get a proxy.
 *
 * <p>The classes follow the handler interfaces of the Calcite version the driver is built with;
 * {@code BuiltInMetadataHandlersTest} fails when Calcite gains a kind that is missing here.
 */
final class BuiltInMetadataHandlers {
    /** One handler method's dispatch, as {@link ReflectiveMetadataHandlers} builds it. */
    interface Call {
        Object call(Object[] args) throws Throwable;
    }

    private BuiltInMetadataHandlers() {
    }

    /** A handler of {@code handlerClass} calling {@code methods} by method name, or null for a kind not built in. */
    static Object of(Class<?> handlerClass, Map<String, ? extends Call> methods, String name) {
        if (handlerClass == BuiltInMetadata.AllPredicates.Handler.class) {
            return new AllPredicatesHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.Collation.Handler.class) {
            return new CollationHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.ColumnOrigin.Handler.class) {
            return new ColumnOriginHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.ColumnUniqueness.Handler.class) {
            return new ColumnUniquenessHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.CumulativeCost.Handler.class) {
            return new CumulativeCostHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.DistinctRowCount.Handler.class) {
            return new DistinctRowCountHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.Distribution.Handler.class) {
            return new DistributionHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.ExplainVisibility.Handler.class) {
            return new ExplainVisibilityHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.ExpressionLineage.Handler.class) {
            return new ExpressionLineageHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.FunctionalDependency.Handler.class) {
            return new FunctionalDependencyHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.InputFieldsUsed.Handler.class) {
            return new InputFieldsUsedHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.LowerBoundCost.Handler.class) {
            return new LowerBoundCostHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.MaxRowCount.Handler.class) {
            return new MaxRowCountHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.Measure.Handler.class) {
            return new MeasureHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.Memory.Handler.class) {
            return new MemoryHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.MinRowCount.Handler.class) {
            return new MinRowCountHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.NodeTypes.Handler.class) {
            return new NodeTypesHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.NonCumulativeCost.Handler.class) {
            return new NonCumulativeCostHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.Parallelism.Handler.class) {
            return new ParallelismHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.PercentageOriginalRows.Handler.class) {
            return new PercentageOriginalRowsHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.PopulationSize.Handler.class) {
            return new PopulationSizeHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.Predicates.Handler.class) {
            return new PredicatesHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.RowCount.Handler.class) {
            return new RowCountHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.Selectivity.Handler.class) {
            return new SelectivityHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.Size.Handler.class) {
            return new SizeHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.TableReferences.Handler.class) {
            return new TableReferencesHandler(methods, name);
        }
        if (handlerClass == BuiltInMetadata.UniqueKeys.Handler.class) {
            return new UniqueKeysHandler(methods, name);
        }
        return null;
    }

    /** What every handler shares: the calls by method name, and a name for plans and debuggers. */
    private abstract static class Base {
        private final Map<String, ? extends Call> methods;
        private final String name;

        Base(Map<String, ? extends Call> methods, String name) {
            this.methods = methods;
            this.name = name;
        }

        /** Calls the method's dispatch; a checked exception is wrapped as a proxy would wrap it. */
        final Object call(String method, Object... args) {
            try {
                return methods.get(method).call(args);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new UndeclaredThrowableException(t);
            }
        }

        @Override
        public final String toString() {
            return name;
        }
    }

    private static final class AllPredicatesHandler extends Base implements BuiltInMetadata.AllPredicates.Handler {
        AllPredicatesHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @Override
        public org.apache.calcite.plan.RelOptPredicateList getAllPredicates(RelNode r, RelMetadataQuery mq) {
            return (org.apache.calcite.plan.RelOptPredicateList) call("getAllPredicates", r, mq);
        }
    }

    private static final class CollationHandler extends Base implements BuiltInMetadata.Collation.Handler {
        CollationHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @SuppressWarnings("unchecked")
        @Override
        public com.google.common.collect.ImmutableList<org.apache.calcite.rel.RelCollation> collations(RelNode r, RelMetadataQuery mq) {
            return (com.google.common.collect.ImmutableList<org.apache.calcite.rel.RelCollation>) call("collations", r, mq);
        }
    }

    private static final class ColumnOriginHandler extends Base implements BuiltInMetadata.ColumnOrigin.Handler {
        ColumnOriginHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @SuppressWarnings("unchecked")
        @Override
        public java.util.Set<org.apache.calcite.rel.metadata.RelColumnOrigin> getColumnOrigins(RelNode r, RelMetadataQuery mq, int a2) {
            return (java.util.Set<org.apache.calcite.rel.metadata.RelColumnOrigin>) call("getColumnOrigins", r, mq, a2);
        }
    }

    private static final class ColumnUniquenessHandler extends Base implements BuiltInMetadata.ColumnUniqueness.Handler {
        ColumnUniquenessHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @Override
        public Boolean areColumnsUnique(RelNode r, RelMetadataQuery mq, org.apache.calcite.util.ImmutableBitSet a2, boolean a3) {
            return (Boolean) call("areColumnsUnique", r, mq, a2, a3);
        }
    }

    private static final class CumulativeCostHandler extends Base implements BuiltInMetadata.CumulativeCost.Handler {
        CumulativeCostHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @Override
        public org.apache.calcite.plan.RelOptCost getCumulativeCost(RelNode r, RelMetadataQuery mq) {
            return (org.apache.calcite.plan.RelOptCost) call("getCumulativeCost", r, mq);
        }
    }

    private static final class DistinctRowCountHandler extends Base implements BuiltInMetadata.DistinctRowCount.Handler {
        DistinctRowCountHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @Override
        public Double getDistinctRowCount(RelNode r, RelMetadataQuery mq, org.apache.calcite.util.ImmutableBitSet a2, org.apache.calcite.rex.RexNode a3) {
            return (Double) call("getDistinctRowCount", r, mq, a2, a3);
        }
    }

    private static final class DistributionHandler extends Base implements BuiltInMetadata.Distribution.Handler {
        DistributionHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @Override
        public org.apache.calcite.rel.RelDistribution distribution(RelNode r, RelMetadataQuery mq) {
            return (org.apache.calcite.rel.RelDistribution) call("distribution", r, mq);
        }
    }

    private static final class ExplainVisibilityHandler extends Base implements BuiltInMetadata.ExplainVisibility.Handler {
        ExplainVisibilityHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @Override
        public Boolean isVisibleInExplain(RelNode r, RelMetadataQuery mq, org.apache.calcite.sql.SqlExplainLevel a2) {
            return (Boolean) call("isVisibleInExplain", r, mq, a2);
        }
    }

    private static final class ExpressionLineageHandler extends Base implements BuiltInMetadata.ExpressionLineage.Handler {
        ExpressionLineageHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @SuppressWarnings("unchecked")
        @Override
        public java.util.Set<org.apache.calcite.rex.RexNode> getExpressionLineage(RelNode r, RelMetadataQuery mq, org.apache.calcite.rex.RexNode a2) {
            return (java.util.Set<org.apache.calcite.rex.RexNode>) call("getExpressionLineage", r, mq, a2);
        }
    }

    private static final class FunctionalDependencyHandler extends Base implements BuiltInMetadata.FunctionalDependency.Handler {
        FunctionalDependencyHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @Override
        public org.apache.calcite.util.ImmutableBitSet dependents(RelNode r, RelMetadataQuery mq, org.apache.calcite.util.ImmutableBitSet a2) {
            return (org.apache.calcite.util.ImmutableBitSet) call("dependents", r, mq, a2);
        }

        @SuppressWarnings("unchecked")
        @Override
        public java.util.Set<org.apache.calcite.util.ImmutableBitSet> determinants(RelNode r, RelMetadataQuery mq, org.apache.calcite.util.ImmutableBitSet a2) {
            return (java.util.Set<org.apache.calcite.util.ImmutableBitSet>) call("determinants", r, mq, a2);
        }

        @Override
        public Boolean determines(RelNode r, RelMetadataQuery mq, int a2, int a3) {
            return (Boolean) call("determines", r, mq, a2, a3);
        }

        @Override
        public Boolean determinesSet(RelNode r, RelMetadataQuery mq, org.apache.calcite.util.ImmutableBitSet a2, org.apache.calcite.util.ImmutableBitSet a3) {
            return (Boolean) call("determinesSet", r, mq, a2, a3);
        }

        @Override
        public org.apache.calcite.util.ArrowSet getFDs(RelNode r, RelMetadataQuery mq) {
            return (org.apache.calcite.util.ArrowSet) call("getFDs", r, mq);
        }
    }

    private static final class InputFieldsUsedHandler extends Base implements BuiltInMetadata.InputFieldsUsed.Handler {
        InputFieldsUsedHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @Override
        public org.apache.calcite.util.ImmutableBitSet getInputFieldsUsed(RelNode r, RelMetadataQuery mq) {
            return (org.apache.calcite.util.ImmutableBitSet) call("getInputFieldsUsed", r, mq);
        }
    }

    private static final class LowerBoundCostHandler extends Base implements BuiltInMetadata.LowerBoundCost.Handler {
        LowerBoundCostHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @Override
        public org.apache.calcite.plan.RelOptCost getLowerBoundCost(RelNode r, RelMetadataQuery mq, org.apache.calcite.plan.volcano.VolcanoPlanner a2) {
            return (org.apache.calcite.plan.RelOptCost) call("getLowerBoundCost", r, mq, a2);
        }
    }

    private static final class MaxRowCountHandler extends Base implements BuiltInMetadata.MaxRowCount.Handler {
        MaxRowCountHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @Override
        public Double getMaxRowCount(RelNode r, RelMetadataQuery mq) {
            return (Double) call("getMaxRowCount", r, mq);
        }
    }

    private static final class MeasureHandler extends Base implements BuiltInMetadata.Measure.Handler {
        MeasureHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @Override
        public org.apache.calcite.rex.RexNode expand(RelNode r, RelMetadataQuery mq, int a2, BuiltInMetadata.Measure.Context a3) {
            return (org.apache.calcite.rex.RexNode) call("expand", r, mq, a2, a3);
        }

        @Override
        public Boolean isMeasure(RelNode r, RelMetadataQuery mq, int a2) {
            return (Boolean) call("isMeasure", r, mq, a2);
        }
    }

    private static final class MemoryHandler extends Base implements BuiltInMetadata.Memory.Handler {
        MemoryHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @Override
        public Double cumulativeMemoryWithinPhase(RelNode r, RelMetadataQuery mq) {
            return (Double) call("cumulativeMemoryWithinPhase", r, mq);
        }

        @Override
        public Double cumulativeMemoryWithinPhaseSplit(RelNode r, RelMetadataQuery mq) {
            return (Double) call("cumulativeMemoryWithinPhaseSplit", r, mq);
        }

        @Override
        public Double memory(RelNode r, RelMetadataQuery mq) {
            return (Double) call("memory", r, mq);
        }
    }

    private static final class MinRowCountHandler extends Base implements BuiltInMetadata.MinRowCount.Handler {
        MinRowCountHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @Override
        public Double getMinRowCount(RelNode r, RelMetadataQuery mq) {
            return (Double) call("getMinRowCount", r, mq);
        }
    }

    private static final class NodeTypesHandler extends Base implements BuiltInMetadata.NodeTypes.Handler {
        NodeTypesHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @SuppressWarnings("unchecked")
        @Override
        public com.google.common.collect.Multimap<Class<? extends RelNode>, RelNode> getNodeTypes(RelNode r, RelMetadataQuery mq) {
            return (com.google.common.collect.Multimap<Class<? extends RelNode>, RelNode>) call("getNodeTypes", r, mq);
        }
    }

    private static final class NonCumulativeCostHandler extends Base implements BuiltInMetadata.NonCumulativeCost.Handler {
        NonCumulativeCostHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @Override
        public org.apache.calcite.plan.RelOptCost getNonCumulativeCost(RelNode r, RelMetadataQuery mq) {
            return (org.apache.calcite.plan.RelOptCost) call("getNonCumulativeCost", r, mq);
        }
    }

    private static final class ParallelismHandler extends Base implements BuiltInMetadata.Parallelism.Handler {
        ParallelismHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @Override
        public Boolean isPhaseTransition(RelNode r, RelMetadataQuery mq) {
            return (Boolean) call("isPhaseTransition", r, mq);
        }

        @Override
        public Integer splitCount(RelNode r, RelMetadataQuery mq) {
            return (Integer) call("splitCount", r, mq);
        }
    }

    private static final class PercentageOriginalRowsHandler extends Base implements BuiltInMetadata.PercentageOriginalRows.Handler {
        PercentageOriginalRowsHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @Override
        public Double getPercentageOriginalRows(RelNode r, RelMetadataQuery mq) {
            return (Double) call("getPercentageOriginalRows", r, mq);
        }
    }

    private static final class PopulationSizeHandler extends Base implements BuiltInMetadata.PopulationSize.Handler {
        PopulationSizeHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @Override
        public Double getPopulationSize(RelNode r, RelMetadataQuery mq, org.apache.calcite.util.ImmutableBitSet a2) {
            return (Double) call("getPopulationSize", r, mq, a2);
        }
    }

    private static final class PredicatesHandler extends Base implements BuiltInMetadata.Predicates.Handler {
        PredicatesHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @Override
        public org.apache.calcite.plan.RelOptPredicateList getPredicates(RelNode r, RelMetadataQuery mq) {
            return (org.apache.calcite.plan.RelOptPredicateList) call("getPredicates", r, mq);
        }
    }

    private static final class RowCountHandler extends Base implements BuiltInMetadata.RowCount.Handler {
        RowCountHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @Override
        public Double getRowCount(RelNode r, RelMetadataQuery mq) {
            return (Double) call("getRowCount", r, mq);
        }
    }

    private static final class SelectivityHandler extends Base implements BuiltInMetadata.Selectivity.Handler {
        SelectivityHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @Override
        public Double getSelectivity(RelNode r, RelMetadataQuery mq, org.apache.calcite.rex.RexNode a2) {
            return (Double) call("getSelectivity", r, mq, a2);
        }
    }

    private static final class SizeHandler extends Base implements BuiltInMetadata.Size.Handler {
        SizeHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @SuppressWarnings("unchecked")
        @Override
        public java.util.List<Double> averageColumnSizes(RelNode r, RelMetadataQuery mq) {
            return (java.util.List<Double>) call("averageColumnSizes", r, mq);
        }

        @Override
        public Double averageRowSize(RelNode r, RelMetadataQuery mq) {
            return (Double) call("averageRowSize", r, mq);
        }
    }

    private static final class TableReferencesHandler extends Base implements BuiltInMetadata.TableReferences.Handler {
        TableReferencesHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @SuppressWarnings("unchecked")
        @Override
        public java.util.Set<org.apache.calcite.rex.RexTableInputRef.RelTableRef> getTableReferences(RelNode r, RelMetadataQuery mq) {
            return (java.util.Set<org.apache.calcite.rex.RexTableInputRef.RelTableRef>) call("getTableReferences", r, mq);
        }
    }

    private static final class UniqueKeysHandler extends Base implements BuiltInMetadata.UniqueKeys.Handler {
        UniqueKeysHandler(Map<String, ? extends Call> methods, String name) {
            super(methods, name);
        }

        @SuppressWarnings("unchecked")
        @Override
        public java.util.Set<org.apache.calcite.util.ImmutableBitSet> getUniqueKeys(RelNode r, RelMetadataQuery mq, boolean a2) {
            return (java.util.Set<org.apache.calcite.util.ImmutableBitSet>) call("getUniqueKeys", r, mq, a2);
        }
    }
}
