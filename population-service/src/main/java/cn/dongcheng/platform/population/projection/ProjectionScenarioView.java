package cn.dongcheng.platform.population.projection;

import cn.dongcheng.platform.population.projection.ProjectionView.AreaProjection;
import cn.dongcheng.platform.population.projection.ProjectionView.Assumptions;
import cn.dongcheng.platform.population.projection.ProjectionView.Indicators;

import java.util.ArrayList;
import java.util.List;

import static cn.dongcheng.platform.population.projection.ProjectionView.round;

/**
 * Answer of {@code POST /v1/projections:seek-target}: the extra constant annual net migration that reaches the
 * target, and year by year the baseline, the scenario, the difference between them and the baseline's gap to the
 * target.
 *
 * @param baselineGap baseline minus target in the target year (positive: the baseline overshoots)
 * @param feasible    false when the scenario drives some cohort below zero
 */
public record ProjectionScenarioView(String areaCode, String areaName, Target target,
                                     double additionalAnnualNetMigration, double annualNetMigration,
                                     double baselineAtTargetYear, double scenarioAtTargetYear, double baselineGap,
                                     boolean feasible, List<YearGap> years, Assumptions assumptions,
                                     Indicators indicators, AreaProjection baseline, AreaProjection scenario) {

    /** @param basis how the total was set (given, or the core-area preset with its ratio and source) */
    public record Target(int year, double total, String basis) {
    }

    /**
     * @param difference               scenario − baseline: what the extra migration adds (or removes) by then
     * @param baselineGapToTarget      baseline − target
     * @param cumulativeAdditionalNetMigration extra net migrants since the base year
     */
    public record YearGap(int year, double baselineTotal, double scenarioTotal, double difference,
                          double baselineGapToTarget, double cumulativeAdditionalNetMigration) {
    }

    static ProjectionScenarioView of(String code, String name, TargetSeekingScenario.Result r, String basis,
                                     Assumptions assumptions) {
        ProjectionRun baseline = r.baseline();
        ProjectionRun scenario = r.scenario();
        int n = baseline.inputs().groups().width();
        List<YearGap> years = new ArrayList<>();
        for (int s = 0; s <= baseline.steps(); s++) {
            years.add(new YearGap(baseline.year(s), round(baseline.total(s), 2), round(scenario.total(s), 2),
                    round(scenario.total(s) - baseline.total(s), 2), round(baseline.total(s) - r.target(), 2),
                    round(r.additionalAnnualNetMigration() * n * s, 2)));
        }
        int t = r.targetStep();
        return new ProjectionScenarioView(code, name, new Target(r.targetYear(), round(r.target(), 2), basis),
                round(r.additionalAnnualNetMigration(), 2), round(r.annualNetMigration(), 2),
                round(baseline.total(t), 2), round(scenario.total(t), 2), round(baseline.total(t) - r.target(), 2),
                r.feasible(), years, assumptions, Indicators.of(baseline.inputs()),
                AreaProjection.of(code, name, baseline), AreaProjection.of(code, name, scenario));
    }
}
