package dev.reportsql.sql;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.plan.RelOptCostImpl;
import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelNodes;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.rules.MeasureRules;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.sql2rel.TopDownGeneralDecorrelator;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.RelBuilder;
import dev.reportsql.sql.calcite.DecimalSums;

/**
 * The phases Calcite's standard program runs after SQL-to-rel conversion, in the same order and
 * with the same switches: sub-queries to correlates, decorrelation, measures (only when the query
 * has them), field trimming, the driver's {@link PlanRewrites}, the cost-based planner with the
 * logical rules this tree can use ({@link PlannerRules#logical}) and the enumerable ones already
 * registered on it, and projects and filters into calcs. One phase is ours: before
 * the cost-based one, filters are moved down as far as they go ({@link PlannerRules#filtersDown}),
 * so that a predicate written anywhere in the query stands next to the report scan it constrains.
 * Calcite's own {@code Programs} class cannot be used for this: loading it builds every core rule
 * (see {@link PlannerRules}).
 */
final class PlannerProgram implements Program {
    static final PlannerProgram INSTANCE = new PlannerProgram();

    private PlannerProgram() {
    }

    @Override
    public RelNode run(RelOptPlanner planner, RelNode rel, RelTraitSet requiredOutputTraits,
            List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
        CalciteConnectionConfig config = planner.getContext().maybeUnwrap(CalciteConnectionConfig.class)
                .orElse(CalciteConnectionConfig.DEFAULT);
        RelNode r = removeSubQueries(config, rel);
        r = decorrelate(config, r);
        if (containsMeasures(r)) {
            r = hep(MeasureRules.rules(), false, r);
            r = decorrelate(config, removeSubQueries(config, r));
        }
        r = new RelFieldTrimmer(null, builder(r)).trim(r);
        r = hep(PlannerRules.filtersDown(r), true, r);
        r = PlanRewrites.apply(r);
        r = volcano(planner, r, requiredOutputTraits, materializations, lattices);
        r = DecimalSums.aggregates(r);
        return hep(PlannerRules.calc(), false, r);
    }

    private static RelNode removeSubQueries(CalciteConnectionConfig config, RelNode rel) {
        List<RelOptRule> rules = PlannerRules.subQuery(rel, config.topDownGeneralDecorrelationEnabled());
        // Calcite applies these as one collection, the others one rule after the other.
        return rules.isEmpty() ? rel : hep(rules, true, rel);
    }

    private static RelNode decorrelate(CalciteConnectionConfig config, RelNode rel) {
        if (!config.forceDecorrelate()) {
            return rel;
        }
        if (config.topDownGeneralDecorrelationEnabled()) {
            return TopDownGeneralDecorrelator.decorrelateQuery(rel, builder(rel));
        }
        return RelDecorrelator.decorrelateQuery(rel, builder(rel));
    }

    private static boolean containsMeasures(RelNode rel) {
        return RelNodes.contains(rel, call -> call.getAggregation().kind == SqlKind.AGG_M2V,
                RexUtil.find(EnumSet.of(SqlKind.AGG_M2V, SqlKind.M2V)));
    }

    private static RelBuilder builder(RelNode rel) {
        return RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null);
    }

    /** Calcite's cost-based phase: the root in the required traits, then the cheapest plan. */
    private static RelNode volcano(RelOptPlanner planner, RelNode rel, RelTraitSet requiredOutputTraits,
            List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
        materializations.forEach(planner::addMaterialization);
        lattices.forEach(planner::addLattice);
        // Registered here, not when the planner is made, because which rules can match depends on the tree.
        PlannerRules.logical(rel).forEach(planner::addRule);
        planner.setRoot(rel);
        // A query that is a narrowed report scan alone is already enumerable: registering it a second
        // time as the root would fail Volcano's "already been registered" check.
        if (!rel.getTraitSet().equals(requiredOutputTraits)) {
            planner.setRoot(planner.changeTraits(rel, requiredOutputTraits));
        }
        return planner.chooseDelegate().findBestExp();
    }

    /**
     * A heuristic phase over a DAG-free tree, as Calcite's hep programs run (the driver has no
     * materializations or lattices to add to it). Registering the metadata providers is deprecated
     * but is what lets metadata see through the hep planner's vertices, as in Calcite's programs.
     */
    @SuppressWarnings("deprecation")
    private static RelNode hep(Iterable<? extends RelOptRule> rules, boolean asCollection, RelNode rel) {
        HepProgramBuilder program = HepProgram.builder();
        if (asCollection) {
            List<RelOptRule> collection = new ArrayList<>();
            rules.forEach(collection::add);
            program.addRuleCollection(collection);
        } else {
            rules.forEach(program::addRuleInstance);
        }
        HepPlanner hep = new HepPlanner(program.build(), null, true, null, RelOptCostImpl.FACTORY);
        List<RelMetadataProvider> providers = new ArrayList<>(List.of(DefaultRelMetadataProvider.INSTANCE));
        hep.registerMetadataProviders(providers);
        rel.getCluster().setMetadataProvider(ChainedRelMetadataProvider.of(providers));
        hep.setRoot(rel);
        return hep.findBestExp();
    }
}
