package dev.reportsql.sql;

import java.lang.reflect.Type;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.apache.calcite.DataContexts;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteSystemProperty;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare.CatalogReader;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.tools.Program;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.ConvertToChecked;
import org.apache.calcite.util.Holder;
import org.apache.calcite.prepare.Prepare.PreparedResult;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlExplainFormat;
import org.apache.calcite.sql.SqlExplainLevel;
import dev.reportsql.sql.calcite.CheckedAbs;
import dev.reportsql.sql.calcite.DecimalSums;
import dev.reportsql.sql.calcite.ReflectiveMetadataHandlers;

/**
 * How the driver's Calcite connections prepare a query: Calcite's own steps, with the planner's rules
 * and the optimization program taken from {@link PlannerRules} and {@link PlannerProgram} instead of
 * Calcite's {@code CoreRules} and {@code Programs} (whose class initialisation alone delays a new
 * JVM's first query noticeably), and metadata from {@link ReflectiveMetadataHandlers} instead of
 * handlers Janino compiles during the first plan. Installed on the embedded Calcite driver by
 * {@link QueryEngine}; docs/performance.md has the measurements.
 */
final class ReportPrepare extends CalcitePrepareImpl {

    /**
     * Calcite's planner set-up with the enumerable rules; the logical ones are registered by
     * {@link PlannerProgram} once the tree is known ({@link PlannerRules#logical}).
     */
    @Override
    protected RelOptPlanner createPlanner(CalcitePrepare.Context prepareContext,
            org.apache.calcite.plan.Context externalContext, RelOptCostFactory costFactory) {
        org.apache.calcite.plan.Context context = externalContext != null ? externalContext
                : Contexts.of(prepareContext.config());
        VolcanoPlanner planner = new VolcanoPlanner(costFactory, context);
        planner.setExecutor(new RexExecutorImpl(DataContexts.EMPTY));
        planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        if (CalciteSystemProperty.ENABLE_COLLATION_TRAIT.value()) {
            planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
        }
        planner.setTopDownOpt(prepareContext.config().topDownOpt());
        EnumerableRules.ENUMERABLE_RULES.forEach(planner::addRule);
        Hook.PLANNER.run(planner);
        return planner;
    }

    /**
     * Calcite's cluster, with metadata answered by {@link ReflectiveMetadataHandlers}. The handlers
     * follow the cluster's provider, which the planner programs replace as they run.
     */
    @Override
    protected RelOptCluster createCluster(RelOptPlanner planner, RexBuilder rexBuilder) {
        RelOptCluster cluster = super.createCluster(planner, rexBuilder);
        cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(
                ReflectiveMetadataHandlers.of(Objects.requireNonNull(cluster.getMetadataProvider()))));
        return cluster;
    }

    @Override
    protected CalcitePreparingStmt getPreparingStmt(CalcitePrepare.Context context, Type elementType,
            CalciteCatalogReader catalogReader, RelOptPlanner planner) {
        JavaTypeFactory typeFactory = context.getTypeFactory();
        EnumerableRel.Prefer prefer = elementType == Object[].class ? EnumerableRel.Prefer.ARRAY
                : EnumerableRel.Prefer.CUSTOM;
        IdentifierMatcher names = new IdentifierMatcher();
        CalciteCatalogReader reader = new NamesCatalogReader(catalogReader, names, context);
        return new PreparingStmt(this, context, reader, names, typeFactory, prefer, planner);
    }

    /** Calcite's catalog reader with the statement's {@link IdentifierMatcher}. */
    private static final class NamesCatalogReader extends CalciteCatalogReader {
        NamesCatalogReader(CalciteCatalogReader calcite, IdentifierMatcher names, CalcitePrepare.Context context) {
            super(calcite.getRootSchema(), names, calcite.getSchemaPaths(), context.getTypeFactory(),
                    context.config());
        }
    }

    /** Calcite's statement preparation with the driver's program and name rules. */
    private static final class PreparingStmt extends CalcitePreparingStmt {
        private final CalciteCatalogReader reader;
        private final IdentifierMatcher names;

        PreparingStmt(ReportPrepare prepare, CalcitePrepare.Context context, CalciteCatalogReader reader,
                IdentifierMatcher names, JavaTypeFactory typeFactory, EnumerableRel.Prefer prefer,
                RelOptPlanner planner) {
            super(prepare, context, reader, typeFactory, context.getRootSchema(), prefer,
                    prepare.createCluster(planner, new RexBuilder(typeFactory)), EnumerableConvention.INSTANCE,
                    prepare.createConvertletTable());
            this.reader = reader;
            this.names = names;
        }

        /** Calcite passes the catalog reader it made itself; validate with ours, which has the name rules. */
        @Override
        protected SqlValidator createSqlValidator(CatalogReader catalogReader,
                UnaryOperator<SqlValidator.Config> configTransform) {
            return super.createSqlValidator(reader, configTransform);
        }

        /**
         * Rewrites the functions Calcite lacks ({@link FunctionRewrites}) and records which identifier
         * parts were written unquoted, before Calcite validates the tree.
         */
        @Override
        public PreparedResult prepareSql(SqlNode sqlQuery, SqlNode sqlNodeOriginal, Class<?> runtimeContextClass,
                SqlValidator validator, boolean needsValidation) {
            FunctionRewrites.apply(sqlQuery);
            names.recordUnquoted(sqlQuery);
            FromNames.resolve(sqlQuery, reader.getRootSchema(), reader.getSchemaPaths());
            return super.prepareSql(sqlQuery, sqlNodeOriginal, runtimeContextClass, validator, needsValidation);
        }

        /**
         * Makes exact arithmetic checked, so that a BIGINT product past the range fails (22003) instead
         * of wrapping around. Calcite reads {@code checkedArithmetic} only from the connection's
         * SqlConformanceEnum, and the constants that answer true change much else besides; so the
         * same conversion Calcite would make runs here, on the converted plan before planning (with
         * ABS, which Calcite does not check).
         */
        @Override
        public RelNode flattenTypes(RelNode rootRel, boolean restructure) {
            RelNode checked = new ConvertToChecked(rootRel.getCluster().getRexBuilder(), true).visit(rootRel);
            return super.flattenTypes(DecimalSums.windows(CheckedAbs.apply(checked)), restructure);
        }

        /** EXPLAIN lists the API calls below Calcite's plan ({@link ApiCallsExplain}). */
        @Override
        protected PreparedResult createPreparedExplanation(RelDataType resultType, RelDataType parameterRowType,
                RelRoot root, SqlExplainFormat format, SqlExplainLevel detailLevel) {
            return new ApiCallsExplain(resultType, parameterRowType, root, format, detailLevel,
                    ExecutionContext.current().planningCalls());
        }

        /** A plan that is one API scan binds to it directly ({@link DirectScan}); any other is compiled. */
        @Override
        protected PreparedResult implement(RelRoot root) {
            PreparedResult direct = parameterRowType == null || fieldOrigins == null ? null
                    : DirectScan.of(root, parameterRowType, fieldOrigins);
            if (direct == null) {
                return super.implement(root);
            }
            Hook.PLAN_BEFORE_IMPLEMENTATION.run(root);
            return direct;
        }

        @Override
        protected Program getProgram() {
            Holder<Program> holder = Holder.empty();
            Hook.PROGRAM.run(holder); // as Calcite does: a test may replace the program
            return holder.get() != null ? holder.get() : PlannerProgram.INSTANCE;
        }
    }
}
