package cn.dongcheng.platform.population.projection;

import cn.dongcheng.platform.population.projection.RecordedRates.VitalRegistrations;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EstimatedRatesTest {

    /** 0–4, 5–9, 10+: three groups. */
    private static final AgeGroups GROUPS = new AgeGroups(5, 10);
    private static final double[] MODEL_MALE = {0.01, 0.002, 0.2};
    private static final double[] MODEL_FEMALE = {0.008, 0.001, 0.15};
    private static final double[] MODEL_FERTILITY = {0, 0, 0.04};
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 12, 31);

    private static VitalRegistrations year(double[] maleDeaths, double[] femaleDeaths, long births) {
        return new VitalRegistrations(FROM, TO, new BySex(maleDeaths, femaleDeaths), births);
    }

    @Test
    void aGroupWithResidentsOrDeathsHasItsOwnRateAndTheRestTakeTheModels() {
        BySex residents = new BySex(new double[] {100, 0, 50}, new double[] {0, 0, 40});
        EstimatedRates rates = EstimatedRates.of(year(new double[] {2, 0, 5}, new double[] {1, 0, 0}, 3), residents, GROUPS,
                MODEL_MALE, MODEL_FEMALE, MODEL_FERTILITY);

        assertThat(rates.deathRates().male()).containsExactly(2 / 101.0, 0.002, 5 / 52.5);
        // F 0–4: a death and no one left: exposure ½, rate 2; F 10+: residents but no death in the open group
        assertThat(rates.deathRates().female()).containsExactly(2.0, 0.001, 0.15);
        assertThat(rates.substitutedAges().male()).containsExactly(5);
        assertThat(rates.substitutedAges().female()).containsExactly(5, 10);
    }

    @Test
    void fertilityKeepsTheModelsShapeScaledToTheYearsBirths() {
        BySex residents = new BySex(new double[] {0, 0, 0}, new double[] {0, 0, 50});
        EstimatedRates rates = EstimatedRates.of(year(new double[3], new double[3], 3), residents, GROUPS,
                MODEL_MALE, MODEL_FEMALE, MODEL_FERTILITY);

        assertThat(rates.expectedBirths()).isCloseTo(2.0, within(1e-12));
        assertThat(rates.fertilityFactor()).isCloseTo(1.5, within(1e-12));
        assertThat(rates.fertilityRates()).containsExactly(0, 0, 0.06);
    }

    @Test
    void withoutBirthsOrWomenTheModelScheduleStands() {
        BySex noWomen = new BySex(new double[] {0, 0, 10}, new double[] {0, 0, 0});
        assertThat(EstimatedRates.of(year(new double[3], new double[3], 4), noWomen, GROUPS, MODEL_MALE, MODEL_FEMALE,
                MODEL_FERTILITY).fertilityRates()).isNull();
        BySex women = new BySex(new double[] {0, 0, 0}, new double[] {0, 0, 10});
        assertThat(EstimatedRates.of(year(new double[3], new double[3], 0), women, GROUPS, MODEL_MALE, MODEL_FEMALE,
                MODEL_FERTILITY).fertilityFactor()).isNull();
    }
}
