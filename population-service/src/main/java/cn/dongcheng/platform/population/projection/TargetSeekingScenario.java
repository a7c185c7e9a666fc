package cn.dongcheng.platform.population.projection;

/**
 * Policy scenario (目标情景): the constant annual net migration, spread over ages and sexes by a migration profile,
 * that brings the projected total to a target in a target year (e.g. the core area's 2035 population ceiling),
 * compared with the baseline (基准情景) step by step.
 *
 * <p>The projection is linear in its state and its migration (every step is a linear map of the population and
 * the migrants, births included), so the population with an extra annual migration m·p is
 * P(m) = P(baseline) + m·D, where D is the projection of the profile p alone from an empty base population. One
 * division gives m = (target − P_baseline(T)) / D(T); the scenario is then projected in full, so what it reports
 * is a projection, not the linear estimate (they agree to rounding).
 */
public final class TargetSeekingScenario {

    /**
     * @param additionalAnnualNetMigration m, on top of the baseline's own net migration
     * @param feasible                     false when some cohort went below zero on the way (more out-migrants
     *                                     than people of that age and sex): the total is reached only on paper
     */
    public record Result(ProjectionRun baseline, ProjectionRun scenario, int targetYear, double target,
                         double additionalAnnualNetMigration, double annualNetMigration, boolean feasible) {

        public int targetStep() {
            return scenario.stepOf(targetYear);
        }
    }

    private TargetSeekingScenario() {
    }

    /**
     * @param profile non-negative weights by age group and sex (any scale, not all zero) for where the extra
     *                migrants fall
     */
    public static Result solve(ProjectionInputs inputs, int targetYear, double target, BySex profile) {
        double weight = profile.total();
        if (!(weight > 0)) {
            throw new IllegalArgumentException("the migration profile must have a positive total");
        }
        BySex unit = BySex.scaledSum(null, profile, 1 / weight);
        ProjectionRun baseline = CohortComponentProjection.run(inputs);
        int step = baseline.stepOf(targetYear);
        if (step < 1) {
            throw new IllegalArgumentException("the target year must be one of the projection's step years");
        }
        int k = inputs.groups().count();
        ProjectionRun response = CohortComponentProjection.run(
                inputs.withBasePopulation(BySex.zeros(k)).withAnnualNetMigration(unit));
        double m = (target - baseline.total(step)) / response.total(step);
        BySex migration = BySex.scaledSum(inputs.annualNetMigration(), unit, m);
        ProjectionRun scenario = CohortComponentProjection.run(inputs.withAnnualNetMigration(migration));
        return new Result(baseline, scenario, targetYear, target, m, migration.total(), !scenario.hasNegativeCohort());
    }
}
