package cn.dongcheng.platform.population.projection;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LifeTableTest {

    /** Constant hazard μ: with na(x) of the exponential the table is exact and e(x) = 1/μ at every age. */
    @Test
    void constantHazardGivesLifeExpectancyOneOverMu() {
        double mu = 0.02;
        for (AgeGroups groups : new AgeGroups[]{new AgeGroups(1, 100), new AgeGroups(5, 85)}) {
            int n = groups.width();
            double[] m = new double[groups.count()];
            double[] a = new double[groups.count()];
            Arrays.fill(m, mu);
            Arrays.fill(a, 1 / mu - n * Math.exp(-mu * n) / (1 - Math.exp(-mu * n)));
            LifeTable t = LifeTable.fromDeathRates(groups, m, a, false, 100_000);
            assertThat(t.lifeExpectancyAtBirth()).isCloseTo(50.0, within(1e-9));
            assertThat(t.lifeExpectancy(3)).isCloseTo(50.0, within(1e-9));
            assertThat(t.survivors(2)).isCloseTo(100_000 * Math.exp(-mu * 2 * n), within(1e-6));
        }
    }

    /** Three 5-year groups (0–4, 5–9, 10+) with na = 2.5, worked by hand. */
    @Test
    void abridgedTableByHand() {
        LifeTable t = LifeTable.fromDeathRates(new AgeGroups(5, 10), new double[]{0.01, 0.02, 0.5}, null, true, 100_000);
        double q0 = 0.05 / 1.025;                // 5·m / (1 + 2.5·m)
        double l5 = 100_000 * (1 - q0);
        double big0 = 5 * l5 + 2.5 * (100_000 - l5);
        double q5 = 0.1 / 1.05;
        double l10 = l5 * (1 - q5);
        double big5 = 5 * l10 + 2.5 * (l5 - l10);
        double big10 = l10 / 0.5;                // open interval: l/m
        assertThat(t.survivors(1)).isCloseTo(l5, within(1e-6));
        assertThat(t.personYears(0)).isCloseTo(big0, within(1e-6));
        assertThat(t.personYears(2)).isCloseTo(big10, within(1e-6));
        assertThat(t.lifeExpectancyAtBirth()).isCloseTo((big0 + big5 + big10) / 100_000, within(1e-9));
        assertThat(t.lifeExpectancy(2)).isCloseTo(2.0, within(1e-12)); // 1/m in the open interval
        double[] s = t.survivalRatios();
        assertThat(s[0]).isCloseTo(big0 / (5 * 100_000), within(1e-12));
        assertThat(s[1]).isCloseTo(big5 / big0, within(1e-12));
        assertThat(s[2]).isCloseTo(big10 / (big5 + big10), within(1e-12)); // T(10)/T(5)
    }

    @Test
    void infantSeparationFactorIsCoaleDemenyForSingleYears() {
        double m0 = 0.01;
        LifeTable boys = LifeTable.fromDeathRates(new AgeGroups(1, 2), new double[]{m0, 0.001, 0.3}, null, false, 1);
        double a0 = 0.045 + 2.684 * m0;
        double q0 = m0 / (1 + (1 - a0) * m0);
        assertThat(boys.personYears(0)).isCloseTo((1 - q0) + a0 * q0, within(1e-12));
        LifeTable girls = LifeTable.fromDeathRates(new AgeGroups(1, 2), new double[]{0.2, 0.001, 0.3}, null, true, 1);
        double q0g = 0.2 / (1 + (1 - 0.350) * 0.2);
        assertThat(girls.personYears(0)).isCloseTo((1 - q0g) + 0.350 * q0g, within(1e-12));
    }

    @Test
    void suppliedPersonYearsGiveLifeExpectancyAndRatios() {
        LifeTable t = LifeTable.fromPersonYears(new AgeGroups(5, 10), new double[]{4.9, 4.8, 60}, 1);
        assertThat(t.lifeExpectancyAtBirth()).isCloseTo(69.7, within(1e-12));
        assertThat(t.survivalRatios()).containsExactly(new double[]{4.9 / 5, 4.8 / 4.9, 60 / 64.8}, within(1e-12));
    }
}
