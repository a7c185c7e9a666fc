package cn.dongcheng.platform.population.projection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TargetSeekingScenarioTest {

    static ProjectionInputs inputs(BySex migration) {
        AgeGroups g = new AgeGroups(1, 100);
        int k = g.count();
        LifeTable men = LifeTable.fromDeathRates(g, CohortComponentProjectionTest.gompertz(k, 3e-5), null, false, 100_000);
        LifeTable women = LifeTable.fromDeathRates(g, CohortComponentProjectionTest.gompertz(k, 1.5e-5), null, true, 100_000);
        double[] rates = new double[k];
        for (int x = 22; x < 42; x++) {
            rates[x] = 0.06;
        }
        double[] m = new double[k];
        double[] f = new double[k];
        for (int x = 0; x < k; x++) {
            m[x] = 6000 * Math.exp(-0.03 * x);
            f[x] = 5900 * Math.exp(-0.028 * x);
        }
        return new ProjectionInputs(g, 2020, 30, new BySex(m, f), men, women, new FertilitySchedule(g, rates, 105), migration);
    }

    @Test
    void solvedMigrationReachesTheTargetAndTheGapIsWhatItAdds() {
        ProjectionInputs in = inputs(null);
        BySex profile = BySex.zeros(101); // working ages move, in proportion to their numbers
        for (int x = 15; x < 65; x++) {
            profile.male()[x] = in.basePopulation().male()[x];
            profile.female()[x] = in.basePopulation().female()[x];
        }
        // 5 % of the base population below where the baseline would be: people must leave
        double target = CohortComponentProjection.run(in).total(15) - 0.05 * in.basePopulation().total();
        TargetSeekingScenario.Result r = TargetSeekingScenario.solve(in, 2035, target, profile);

        assertThat(r.targetStep()).isEqualTo(15);
        assertThat(r.scenario().total(15)).isCloseTo(target, within(1e-6 * target));
        assertThat(r.additionalAnnualNetMigration()).isNegative();
        assertThat(r.feasible()).isTrue();
        // checked independently: a plain projection with that migration reaches the same total
        BySex migration = BySex.scaledSum(null, profile, r.additionalAnnualNetMigration() / profile.total());
        ProjectionRun check = CohortComponentProjection.run(in.withAnnualNetMigration(migration));
        for (int s = 0; s <= 30; s++) {
            assertThat(r.scenario().total(s)).isCloseTo(check.total(s), within(1e-6));
        }
        assertThat(r.baseline().total(15)).isCloseTo(CohortComponentProjection.run(in).total(15), within(1e-9));
        assertThat(r.scenario().total(0)).isEqualTo(r.baseline().total(0));
    }

    @Test
    void baselineMigrationIsKeptAndTheExtraComesOnTop() {
        int k = 101;
        double[] inflow = new double[k];
        inflow[25] = 500;
        ProjectionInputs in = inputs(new BySex(inflow, inflow.clone()));
        double[] young = new double[k];
        young[30] = 1;
        TargetSeekingScenario.Result r = TargetSeekingScenario.solve(in, 2050, 1_000_000, new BySex(young, young));
        assertThat(r.scenario().total(30)).isCloseTo(1_000_000, within(1e-3));
        assertThat(r.annualNetMigration()).isCloseTo(1000 + r.additionalAnnualNetMigration(), within(1e-9));
    }

    @Test
    void outMigrationLargerThanACohortIsReportedAsInfeasible() {
        ProjectionInputs in = inputs(null);
        double[] oneAge = new double[101];
        oneAge[50] = 1;
        TargetSeekingScenario.Result r = TargetSeekingScenario.solve(in, 2030, 100_000, new BySex(oneAge, oneAge));
        assertThat(r.scenario().total(10)).isCloseTo(100_000, within(1e-3));
        assertThat(r.feasible()).isFalse();
    }

    @Test
    void targetYearMustBeAStep() {
        ProjectionInputs in = inputs(null);
        assertThatThrownBy(() -> TargetSeekingScenario.solve(in, 2060, 1, in.basePopulation()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
