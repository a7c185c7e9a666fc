package cn.dongcheng.platform.population.projection;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CohortComponentProjectionTest {

    /** Three 5-year groups (0–4, 5–9, 10+), women only fertile at 5–9, closed population; one step by hand. */
    @Test
    void closedPopulationOneStepByHand() {
        AgeGroups g = new AgeGroups(5, 10);
        LifeTable life = LifeTable.fromPersonYears(g, new double[]{4.9, 4.8, 20}, 1); // T(5) = 24.8, T(10) = 20
        FertilitySchedule f = new FertilitySchedule(g, new double[]{0, 0.2, 0}, 100); // half the births are girls
        ProjectionInputs in = new ProjectionInputs(g, 2020, 5, new BySex(new double[]{100, 200, 300},
                new double[]{100, 100, 100}), life, life, f, null);
        ProjectionRun run = CohortComponentProjection.run(in);

        double women5to9 = 100 * 4.8 / 4.9;                 // the 0–4 girls survive into 5–9
        double births = 5 * 0.2 * (100 + women5to9) / 2;     // n · f · (start + end)/2
        double firstGroup = births / 2 * 4.9 / 5;            // half girls, × L0/(n·l0)
        assertThat(run.female()[1]).containsExactly(new double[]{firstGroup, women5to9, (100 + 100) * 20 / 24.8},
                within(1e-9));
        assertThat(run.male()[1]).containsExactly(new double[]{firstGroup, 100 * 4.8 / 4.9, (200 + 300) * 20 / 24.8},
                within(1e-9));
        assertThat(run.birthsFemale()[1] + run.birthsMale()[1]).isCloseTo(births, within(1e-9));
        // deaths by balance: everyone at the start plus the births, less who is there at the end
        double deaths = 900 + births - run.total(1);
        assertThat(run.deathsMale()[1] + run.deathsFemale()[1]).isCloseTo(deaths, within(1e-9));
        assertThat(run.growthRate(1)).isCloseTo(Math.log(run.total(1) / 900) / 5, within(1e-12));
        assertThat(run.year(1)).isEqualTo(2025);
    }

    /** Single years to 100+, both sexes, migration, 30 steps: the same as a Leslie matrix built in the test. */
    @Test
    void agreesWithALeslieMatrixWithMigration() {
        AgeGroups g = new AgeGroups(1, 100);
        int k = g.count();
        LifeTable men = LifeTable.fromDeathRates(g, gompertz(k, 3e-5), null, false, 100_000);
        LifeTable women = LifeTable.fromDeathRates(g, gompertz(k, 1.5e-5), null, true, 100_000);
        double[] rates = new double[k];
        for (int x = 20; x < 40; x++) {
            rates[x] = 0.05 + 0.001 * (x - 20);
        }
        FertilitySchedule f = new FertilitySchedule(g, rates, 107);
        BySex base = new BySex(new double[k], new double[k]);
        BySex migration = new BySex(new double[k], new double[k]);
        for (int x = 0; x < k; x++) {
            base.male()[x] = 1000 - 8 * x;
            base.female()[x] = 1000 - 7 * x;
            migration.male()[x] = x >= 20 && x < 35 ? 12 : -2;
            migration.female()[x] = x >= 18 && x < 30 ? 9 : -3;
        }
        ProjectionInputs in = new ProjectionInputs(g, 2020, 30, base, men, women, f, migration);
        ProjectionRun run = CohortComponentProjection.run(in);

        double[] m = base.male().clone();
        double[] w = base.female().clone();
        for (int step = 1; step <= 30; step++) {
            double[][] next = leslieStep(m, w, men, women, rates, 107, migration);
            m = next[0];
            w = next[1];
            assertThat(run.male()[step]).containsExactly(m, within(1e-7));
            assertThat(run.female()[step]).containsExactly(w, within(1e-7));
        }
        assertThat(run.netMigration()[1]).isCloseTo(migration.total(), within(1e-9));
    }

    /** Deaths of the period add up from the age groups, the open one included: (N(99) + N(100+))·(1 − T(100)/T(99)). */
    @Test
    void openGroupAccountingAndDeaths() {
        AgeGroups g = new AgeGroups(1, 100);
        int k = g.count();
        LifeTable life = LifeTable.fromDeathRates(g, gompertz(k, 2e-5), null, true, 100_000);
        double[] population = new double[k];
        Arrays.fill(population, 500);
        ProjectionInputs in = new ProjectionInputs(g, 2020, 1, new BySex(population, population.clone()), life, life,
                new FertilitySchedule(g, new double[k], 105), null);
        ProjectionRun run = CohortComponentProjection.run(in);
        double open = 1000 * life.personYearsAbove(100) / life.personYearsAbove(99);
        assertThat(run.female()[1][100]).isCloseTo(open, within(1e-9));
        double deaths = 1000 - open;
        for (int x = 1; x < 100; x++) {
            deaths += 500 * (1 - life.personYears(x) / life.personYears(x - 1));
        }
        assertThat(run.deathsFemale()[1]).isCloseTo(deaths, within(1e-7));
        assertThat(run.female()[1][0]).isZero(); // no births without fertility
    }

    /** NRR = 1, no migration: the population becomes stationary, each group in proportion to nL(x). */
    @Test
    void replacementFertilityConvergesToTheStationaryPopulation() {
        AgeGroups g = new AgeGroups(5, 85);
        int k = g.count();
        LifeTable men = LifeTable.fromDeathRates(g, gompertz5(k, 4e-5), null, false, 1);
        LifeTable women = LifeTable.fromDeathRates(g, gompertz5(k, 2e-5), null, true, 1);
        double[] shape = new double[k];
        shape[4] = 1;
        shape[5] = 2;
        shape[6] = 1.5;
        shape[7] = 0.5;
        FertilitySchedule unscaled = new FertilitySchedule(g, shape, 105);
        double factor = 1 / unscaled.netReproductionRate(women);
        FertilitySchedule f = new FertilitySchedule(g, BySex.scaledSum(null, new BySex(shape, shape), factor).male(), 105);
        assertThat(f.netReproductionRate(women)).isCloseTo(1, within(1e-12));
        double[] young = new double[k];
        young[2] = 5000;
        young[3] = 5000;
        ProjectionInputs in = new ProjectionInputs(g, 2020, 1500, new BySex(young.clone(), young), men, women, f, null);
        ProjectionRun run = CohortComponentProjection.run(in);
        int last = run.steps();
        assertThat(run.growthRate(last)).isCloseTo(0, within(1e-9));
        double totalL = women.personYearsAbove(0);
        double totalWomen = run.totalFemale(last);
        for (int i = 0; i < k; i++) {
            assertThat(run.female()[last][i] / totalWomen).isCloseTo(women.personYears(i) / totalL, within(1e-9));
        }
    }

    /** An independent step: births from a Leslie matrix first row (Rodríguez) plus the migrants' two halves. */
    static double[][] leslieStep(double[] m, double[] w, LifeTable men, LifeTable women, double[] f, double srb,
                                 BySex annualMigration) {
        int k = m.length;
        double girls = 100 / (100 + srb);
        double half = 0.5; // n/2 with n = 1
        double[] hm = annualMigration.male();
        double[] hw = annualMigration.female();
        double[] wm = new double[k];
        double[] ww = new double[k];
        double[] mm = new double[k];
        for (int i = 0; i < k; i++) {
            ww[i] = w[i] + half * hw[i];
            mm[i] = m[i] + half * hm[i];
        }
        double[] nm = new double[k];
        double[] nw = new double[k];
        double births = 0;
        for (int j = 0; j < k - 1; j++) {
            double sw = women.personYears(j + 1) / women.personYears(j);
            double first = 0.5 * (f[j] + f[j + 1] * (j + 1 < k - 1 ? sw : 0));
            births += first * ww[j];
        }
        for (int i = 0; i < k; i++) {
            births += 0.5 * f[i] * half * hw[i]; // women arriving at the end bear their half-period share
        }
        for (int i = 1; i < k - 1; i++) {
            nw[i] = ww[i - 1] * women.personYears(i) / women.personYears(i - 1) + half * hw[i];
            nm[i] = mm[i - 1] * men.personYears(i) / men.personYears(i - 1) + half * hm[i];
        }
        nw[k - 1] = (ww[k - 2] + ww[k - 1]) * women.personYearsAbove(k - 1) / women.personYearsAbove(k - 2) + half * hw[k - 1];
        nm[k - 1] = (mm[k - 2] + mm[k - 1]) * men.personYearsAbove(k - 1) / men.personYearsAbove(k - 2) + half * hm[k - 1];
        nw[0] = births * girls * women.personYears(0) / women.radix() + half * hw[0];
        nm[0] = births * (1 - girls) * men.personYears(0) / men.radix() + half * hm[0];
        return new double[][]{nm, nw};
    }

    static double[] gompertz(int k, double a) {
        double[] m = new double[k];
        for (int x = 0; x < k; x++) {
            m[x] = 0.0005 + a * Math.exp(0.1 * x);
        }
        return m;
    }

    static double[] gompertz5(int k, double a) {
        double[] m = new double[k];
        for (int i = 0; i < k; i++) {
            m[i] = 0.0005 + a * Math.exp(0.1 * (5 * i + 2.5));
        }
        return m;
    }
}
