package cn.dongcheng.platform.population.projection;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProjectionReferenceTest {

    static ProjectionReference reference() throws IOException {
        try (InputStream in = ProjectionReference.class.getClassLoader()
                .getResourceAsStream("projection/projection-reference-v1.json")) {
            return ProjectionReference.load(in);
        }
    }

    @Test
    void modelScheduleHasTheLevelsItsSourceStates() throws IOException {
        ProjectionReference r = reference();
        AgeGroups single = new AgeGroups(1, 100);
        LifeTable men = r.lifeTable(single, false);
        LifeTable women = r.lifeTable(single, true);
        assertThat(men.lifeExpectancyAtBirth()).isCloseTo(80.0, within(0.05));
        assertThat(women.lifeExpectancyAtBirth()).isCloseTo(85.0, within(0.05));
        assertThat(1 - women.survivors(1) / women.radix()).isCloseTo(0.002, within(0.0005)); // q0 about 2 per 1,000
        FertilitySchedule f = r.fertility(single, r.sexRatioAtBirth().value());
        assertThat(f.totalFertilityRate()).isCloseTo(0.87, within(1e-12));
        assertThat(f.grossReproductionRate()).isCloseTo(0.87 / 2.05, within(1e-12));
        double meanAge = 0;
        for (int x = 15; x < 50; x++) {
            meanAge += (x + 0.5) * f.rate(x) / 0.87;
        }
        assertThat(meanAge).isCloseTo(31.0, within(0.3));
    }

    /** The grouped tables are aggregated from the single-year one, so they keep its e0 and its TFR exactly. */
    @Test
    void fiveYearGroupsKeepTheSingleYearLevels() throws IOException {
        ProjectionReference r = reference();
        LifeTable single = r.lifeTable(new AgeGroups(1, 100), true);
        LifeTable grouped = r.lifeTable(new AgeGroups(5, 85), true);
        assertThat(grouped.lifeExpectancyAtBirth()).isCloseTo(single.lifeExpectancyAtBirth(), within(1e-9));
        assertThat(grouped.personYears(1)).isCloseTo(single.personYears(5) + single.personYears(6)
                + single.personYears(7) + single.personYears(8) + single.personYears(9), within(1e-6));
        assertThat(r.fertility(new AgeGroups(5, 85), 105).totalFertilityRate()).isCloseTo(0.87, within(1e-12));
    }

    @Test
    void coreAreaRatioIsTheControlPlanTargetOverThe2020Population() throws IOException {
        ProjectionReference r = reference();
        assertThat(r.coreAreaRatio(2035)).isCloseTo(1_700_000 / 1_815_043.0, within(1e-15));
        assertThat(r.coreAreaRatio(2050)).isCloseTo(1_550_000 / 1_815_043.0, within(1e-15));
        assertThat(r.coreAreaRatio(2040)).isNull();
        assertThat(Math.round(708_829 * r.coreAreaRatio(2035))).isEqualTo(663_901); // the figure the file quotes
    }
}
