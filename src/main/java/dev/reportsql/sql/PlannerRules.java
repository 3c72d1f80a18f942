package dev.reportsql.sql;

import java.util.List;

import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.rules.AggregateCaseToFilterRule;
import org.apache.calcite.rel.rules.AggregateExpandDistinctAggregatesRule;
import org.apache.calcite.rel.rules.AggregateExpandWithinDistinctRule;
import org.apache.calcite.rel.rules.AggregateProjectPullUpConstantsRule;
import org.apache.calcite.rel.rules.AggregateReduceFunctionsRule;
import org.apache.calcite.rel.rules.CalcMergeRule;
import org.apache.calcite.rel.rules.DateRangeRules;
import org.apache.calcite.rel.rules.FilterAggregateTransposeRule;
import org.apache.calcite.rel.rules.FilterCalcMergeRule;
import org.apache.calcite.rel.rules.FilterJoinRule;
import org.apache.calcite.rel.rules.FilterMergeRule;
import org.apache.calcite.rel.rules.FilterProjectTransposeRule;
import org.apache.calcite.rel.rules.FilterSampleTransposeRule;
import org.apache.calcite.rel.rules.FilterSetOpTransposeRule;
import org.apache.calcite.rel.rules.FilterToCalcRule;
import org.apache.calcite.rel.rules.FilterWindowTransposeRule;
import org.apache.calcite.rel.rules.IntersectToDistinctRule;
import org.apache.calcite.rel.rules.JoinCommuteRule;
import org.apache.calcite.rel.rules.JoinPushExpressionsRule;
import org.apache.calcite.rel.rules.JoinPushThroughJoinRule;
import org.apache.calcite.rel.rules.MatchRule;
import org.apache.calcite.rel.rules.MinusToDistinctRule;
import org.apache.calcite.rel.rules.ProjectCalcMergeRule;
import org.apache.calcite.rel.rules.ProjectFilterTransposeRule;
import org.apache.calcite.rel.rules.ProjectMergeRule;
import org.apache.calcite.rel.rules.ProjectRemoveRule;
import org.apache.calcite.rel.rules.ProjectOverSumToSum0Rule;
import org.apache.calcite.rel.rules.ProjectToCalcRule;
import org.apache.calcite.rel.rules.ProjectToWindowRule;
import org.apache.calcite.rel.rules.ProjectWindowTransposeRule;
import org.apache.calcite.rel.rules.PruneEmptyRules;
import org.apache.calcite.rel.rules.ReduceExpressionsRule;
import org.apache.calcite.rel.rules.SampleToFilterRule;
import org.apache.calcite.rel.rules.SingleValuesOptimizationRules;
import org.apache.calcite.rel.rules.SortJoinTransposeRule;
import org.apache.calcite.rel.rules.SortProjectTransposeRule;
import org.apache.calcite.rel.rules.SortRemoveConstantKeysRule;
import org.apache.calcite.rel.rules.SortUnionTransposeRule;
import org.apache.calcite.rel.rules.SubQueryRemoveRule;
import org.apache.calcite.rel.rules.UnionMergeRule;
import org.apache.calcite.rel.rules.UnionPullUpConstantsRule;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexUtil;

/**
 * The planner rules the driver registers, each built from its own config. Calcite's default planner
 * reaches its rules through {@code CoreRules}, whose class initialisation builds all ~170 core rules
 * (about 640 classes, a quarter of a second in a new JVM) although a query uses a third of them.
 * These lists hold Calcite's default set minus what can never fire here: materialized views,
 * lattices (star tables), streams, exchanges, the interpreter (bindable) convention and filterable
 * or projectable tables, none of which the driver's schemas have. Each list is built the first
 * time a query needs it, and a query of projects, filters and scans alone needs only the few rules
 * that can match those ({@link #rowsOnly}).
 */
final class PlannerRules {
    private PlannerRules() {
    }

    /**
     * The logical rules of the cost-based (Volcano) phase for a tree as it enters that phase: for a
     * tree of {@linkplain #rowsOnly rows-only} operators, the few that can match one; otherwise all.
     */
    static List<RelOptRule> logical(RelNode rel) {
        return fewer(rel) ? RowsOnly.LOGICAL : Full.LOGICAL;
    }

    /** The rules that move filters down, for a tree as it enters that phase (see {@link #logical}). */
    static List<RelOptRule> filtersDown(RelNode rel) {
        return fewer(rel) ? RowsOnly.FILTERS_DOWN : Full.FILTERS_DOWN;
    }

    /**
     * The sub-query rules (see {@link SubQueries}), or none when no operator they match is in the
     * tree: a project, filter or join with a sub-query, or a project with a windowed aggregate.
     */
    static List<RelOptRule> subQuery(RelNode rel, boolean markJoins) {
        if (!allRules() && !needsSubQueryRules(rel)) {
            return List.of();
        }
        return markJoins ? SubQueries.MARK : SubQueries.PLAIN;
    }

    /** Projects and filters into calcs after the cost-based phase (Calcite's calc program). */
    static List<RelOptRule> calc() {
        return Calcs.RULES;
    }

    /**
     * Whether a rows-only tree gets the rules that can match it. The system property
     * {@code reportsql.plannerRules=all} registers every rule for every tree; the plans must not
     * differ ({@code RowsOnlyPlanningTest} compares them).
     */
    private static boolean fewer(RelNode rel) {
        return !allRules() && rowsOnly(rel);
    }

    private static boolean allRules() {
        return "all".equals(System.getProperty("reportsql.plannerRules"));
    }

    /**
     * Whether the tree holds only projects without windowed aggregates, filters, scans and values,
     * none with a sub-query. Of the logical rules only those over these operators can match such a
     * tree, and they only make more of them (or empty values), so registering the rest would change
     * nothing but the time a new JVM takes to build them (each rule's config is a class or two and
     * a lambda or three; most queries a tool or CLI sends first are of this kind).
     */
    static boolean rowsOnly(RelNode rel) {
        if (rel instanceof Project project) {
            if (RexOver.containsOver(project.getProjects(), null) || RexUtil.SubQueryFinder.containsSubQuery(project)) {
                return false;
            }
        } else if (rel instanceof Filter filter) {
            if (RexUtil.SubQueryFinder.containsSubQuery(filter)) {
                return false;
            }
        } else if (!(rel instanceof TableScan) && !(rel instanceof Values)) {
            return false;
        }
        for (RelNode input : rel.getInputs()) {
            if (!rowsOnly(input)) {
                return false;
            }
        }
        return true;
    }

    private static boolean needsSubQueryRules(RelNode rel) {
        if (rel instanceof Project p ? RexOver.containsOver(p.getProjects(), null) || RexUtil.SubQueryFinder.containsSubQuery(p)
                : rel instanceof Filter f ? RexUtil.SubQueryFinder.containsSubQuery(f)
                : rel instanceof Join j && RexUtil.SubQueryFinder.containsSubQuery(j)) {
            return true;
        }
        for (RelNode input : rel.getInputs()) {
            if (needsSubQueryRules(input)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The logical rules of {@link Full#LOGICAL} that match projects, filters, scans or values, in the
     * same order (the order rules are registered in is the order Volcano queues their matches).
     */
    private static final class RowsOnly {
        static final List<RelOptRule> LOGICAL = List.of(
                PruneEmptyRules.RemoveEmptySingleRule.RemoveEmptySingleRuleConfig.PROJECT.toRule(),
                PruneEmptyRules.RemoveEmptySingleRule.RemoveEmptySingleRuleConfig.FILTER.toRule(),
                PruneEmptyRules.ZeroMaxRowsRuleConfig.DEFAULT.toRule(),
                FilterMergeRule.Config.DEFAULT.toRule(),
                DateRangeRules.FILTER_INSTANCE,
                ProjectMergeRule.Config.DEFAULT.toRule(),
                ProjectRemoveRule.Config.DEFAULT.toRule(),
                ProjectFilterTransposeRule.Config.DEFAULT.toRule(),
                FilterProjectTransposeRule.Config.DEFAULT.toRule(),
                ReduceExpressionsRule.FilterReduceExpressionsRule.FilterReduceExpressionsRuleConfig.DEFAULT.toRule());

        static final List<RelOptRule> FILTERS_DOWN = List.of(
                FilterProjectTransposeRule.Config.DEFAULT.toRule(),
                FilterMergeRule.Config.DEFAULT.toRule());
    }

    /** Every rule, for trees with joins, aggregates, sorts, set operations, windows and the rest. */
    private static final class Full {
        /** Logical rules of the cost-based (Volcano) phase: Calcite's abstract and base rules. */
        static final List<RelOptRule> LOGICAL = List.of(
                AggregateProjectPullUpConstantsRule.Config.ANY.toRule(),
                UnionPullUpConstantsRule.Config.DEFAULT.toRule(),
                PruneEmptyRules.UNION_INSTANCE,
                PruneEmptyRules.INTERSECT_INSTANCE,
                PruneEmptyRules.MINUS_INSTANCE,
                PruneEmptyRules.PROJECT_INSTANCE,
                PruneEmptyRules.FILTER_INSTANCE,
                PruneEmptyRules.SORT_INSTANCE,
                PruneEmptyRules.AGGREGATE_INSTANCE,
                PruneEmptyRules.WINDOW_INSTANCE,
                PruneEmptyRules.JOIN_LEFT_INSTANCE,
                PruneEmptyRules.JOIN_RIGHT_INSTANCE,
                PruneEmptyRules.SORT_FETCH_ZERO_INSTANCE,
                PruneEmptyRules.EMPTY_TABLE_INSTANCE,
                SingleValuesOptimizationRules.JOIN_LEFT_INSTANCE,
                SingleValuesOptimizationRules.JOIN_RIGHT_INSTANCE,
                SingleValuesOptimizationRules.JOIN_LEFT_PROJECT_INSTANCE,
                SingleValuesOptimizationRules.JOIN_RIGHT_PROJECT_INSTANCE,
                UnionMergeRule.Config.DEFAULT.toRule(),
                UnionMergeRule.Config.INTERSECT.toRule(),
                UnionMergeRule.Config.MINUS.toRule(),
                ProjectOverSumToSum0Rule.Config.DEFAULT.toRule(),
                ProjectToWindowRule.ProjectToLogicalProjectAndWindowRule.ProjectToLogicalProjectAndWindowRuleConfig
                        .DEFAULT.toRule(),
                FilterMergeRule.Config.DEFAULT.toRule(),
                DateRangeRules.FILTER_INSTANCE,
                IntersectToDistinctRule.Config.DEFAULT.toRule(),
                MinusToDistinctRule.Config.DEFAULT.toRule(),
                ProjectMergeRule.Config.DEFAULT.toRule(),
                // A SELECT * over a report otherwise keeps an identity project above the scan, which
                // becomes a calc copying every row into a new array (docs/performance.md has the cost).
                ProjectRemoveRule.Config.DEFAULT.toRule(),
                ProjectFilterTransposeRule.Config.DEFAULT.toRule(),
                FilterProjectTransposeRule.Config.DEFAULT.toRule(),
                FilterJoinRule.FilterIntoJoinRule.FilterIntoJoinRuleConfig.DEFAULT.toRule(),
                // Not in Calcite's default set (it registers them only with the collation trait), but a
                // report's filters reach its scan only if predicates also move out of ON clauses and
                // through UNION branches; FILTERS_DOWN does the same before this phase.
                FilterJoinRule.JoinConditionPushRule.JoinConditionPushRuleConfig.DEFAULT.toRule(),
                FilterSetOpTransposeRule.Config.DEFAULT.toRule(),
                JoinPushExpressionsRule.Config.DEFAULT.toRule(),
                AggregateExpandDistinctAggregatesRule.Config.DEFAULT.toRule(),
                AggregateExpandWithinDistinctRule.Config.DEFAULT.toRule(),
                AggregateCaseToFilterRule.Config.DEFAULT.toRule(),
                AggregateReduceFunctionsRule.Config.DEFAULT.toRule(),
                FilterAggregateTransposeRule.Config.DEFAULT.toRule(),
                ProjectWindowTransposeRule.Config.DEFAULT.toRule(),
                MatchRule.Config.DEFAULT.toRule(),
                JoinCommuteRule.Config.DEFAULT.toRule(),
                JoinPushThroughJoinRule.RIGHT,
                JoinPushThroughJoinRule.LEFT,
                SortProjectTransposeRule.Config.DEFAULT.toRule(),
                SortJoinTransposeRule.Config.DEFAULT.toRule(),
                SortRemoveConstantKeysRule.Config.DEFAULT.toRule(),
                SortUnionTransposeRule.Config.DEFAULT.toRule(),
                SampleToFilterRule.Config.DEFAULT.toRule(),
                FilterSampleTransposeRule.Config.DEFAULT.toRule(),
                FilterWindowTransposeRule.Config.DEFAULT.toRule(),
                ReduceExpressionsRule.FilterReduceExpressionsRule.FilterReduceExpressionsRuleConfig.DEFAULT.toRule());

        /**
         * Filters as far down as they go, before the cost-based phase: out of joins (also across join
         * keys), through projections, aggregates and set operations. Applied to a fixed point on the one
         * tree, this is much cheaper than letting the cost-based phase find the same moves among all its
         * join orders (a 3-way join planned in about half the time).
         */
        static final List<RelOptRule> FILTERS_DOWN = List.of(
                FilterJoinRule.FilterIntoJoinRule.FilterIntoJoinRuleConfig.DEFAULT.toRule(),
                FilterJoinRule.JoinConditionPushRule.JoinConditionPushRuleConfig.DEFAULT.toRule(),
                JoinKeyTransferRule.INSTANCE,
                FilterProjectTransposeRule.Config.DEFAULT.toRule(),
                FilterAggregateTransposeRule.Config.DEFAULT.toRule(),
                FilterSetOpTransposeRule.Config.DEFAULT.toRule(),
                FilterMergeRule.Config.DEFAULT.toRule());
    }

    /** Sub-queries to correlates, before decorrelation (Calcite's sub-query program). */
    private static final class SubQueries {
        static final List<RelOptRule> PLAIN = List.of(
                SubQueryRemoveRule.Config.FILTER.toRule(),
                SubQueryRemoveRule.Config.PROJECT.toRule(),
                SubQueryRemoveRule.Config.JOIN.toRule(),
                ProjectOverSumToSum0Rule.Config.DEFAULT.toRule());

        /** The same with mark joins, used when top-down general decorrelation is enabled. */
        static final List<RelOptRule> MARK = List.of(
                SubQueryRemoveRule.Config.FILTER_ENABLE_MARK_JOIN.toRule(),
                SubQueryRemoveRule.Config.PROJECT_ENABLE_MARK_JOIN.toRule(),
                SubQueryRemoveRule.Config.JOIN.toRule(),
                ProjectOverSumToSum0Rule.Config.DEFAULT.toRule());
    }

    private static final class Calcs {
        static final List<RelOptRule> RULES = List.of(
                EnumerableRules.ENUMERABLE_CALC_RULE,
                EnumerableRules.ENUMERABLE_FILTER_TO_CALC_RULE,
                EnumerableRules.ENUMERABLE_PROJECT_TO_CALC_RULE,
                FilterToCalcRule.Config.DEFAULT.toRule(),
                ProjectToCalcRule.Config.DEFAULT.toRule(),
                CalcMergeRule.Config.DEFAULT.toRule(),
                FilterCalcMergeRule.Config.DEFAULT.toRule(),
                ProjectCalcMergeRule.Config.DEFAULT.toRule());
    }
}
