package dev.reportsql.sql;

import java.util.List;

import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.RelOptRule;
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

/**
 * The planner rules the driver registers, each built from its own config. Calcite's default planner
 * reaches its rules through {@code CoreRules}, whose class initialisation builds all ~170 core rules
 * (about 640 classes, a quarter of a second in a new JVM) although a query uses a third of them.
 * These lists hold Calcite's default set minus what can never fire here: materialized views,
 * lattices (star tables), streams, exchanges, the interpreter (bindable) convention and filterable
 * or projectable tables, none of which the driver's schemas have.
 */
final class PlannerRules {
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

    /** Sub-queries to correlates, before decorrelation (Calcite's sub-query program). */
    static final List<RelOptRule> SUB_QUERY = List.of(
            SubQueryRemoveRule.Config.FILTER.toRule(),
            SubQueryRemoveRule.Config.PROJECT.toRule(),
            SubQueryRemoveRule.Config.JOIN.toRule(),
            ProjectOverSumToSum0Rule.Config.DEFAULT.toRule());

    /** The same with mark joins, used when top-down general decorrelation is enabled. */
    static final List<RelOptRule> SUB_QUERY_MARK = List.of(
            SubQueryRemoveRule.Config.FILTER_ENABLE_MARK_JOIN.toRule(),
            SubQueryRemoveRule.Config.PROJECT_ENABLE_MARK_JOIN.toRule(),
            SubQueryRemoveRule.Config.JOIN.toRule(),
            ProjectOverSumToSum0Rule.Config.DEFAULT.toRule());

    /** Projects and filters into calcs after the cost-based phase (Calcite's calc program). */
    static final List<RelOptRule> CALC = List.of(
            EnumerableRules.ENUMERABLE_CALC_RULE,
            EnumerableRules.ENUMERABLE_FILTER_TO_CALC_RULE,
            EnumerableRules.ENUMERABLE_PROJECT_TO_CALC_RULE,
            FilterToCalcRule.Config.DEFAULT.toRule(),
            ProjectToCalcRule.Config.DEFAULT.toRule(),
            CalcMergeRule.Config.DEFAULT.toRule(),
            FilterCalcMergeRule.Config.DEFAULT.toRule(),
            ProjectCalcMergeRule.Config.DEFAULT.toRule());

    private PlannerRules() {
    }
}
