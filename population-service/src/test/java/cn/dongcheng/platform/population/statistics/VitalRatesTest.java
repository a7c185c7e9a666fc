package cn.dongcheng.platform.population.statistics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VitalRatesTest {

    @Test
    void theStartIsWorkedBackFromTheEndAndTheEventsAndTheRatesArePerThousandOfTheMean() {
        // 10,000 at the end after 120 births, 80 deaths, 300 in, 340 out: 10,000 − 120 + 80 − 300 + 340 = 10,000 at the start
        VitalRates v = new VitalRates(10_000, 120, 80, 300, 340);
        assertThat(v.startPopulation()).isEqualTo(10_000);
        assertThat(v.midPeriodPopulation()).isEqualTo(10_000.0);
        assertThat(v.crudeBirthRate()).isEqualTo(12.0);
        assertThat(v.crudeDeathRate()).isEqualTo(8.0);
        assertThat(v.naturalIncreaseRate()).isEqualTo(4.0);
        // growth by arrivals: start 1,000 − 30 + 10 − 200 + 0 = 780, mean 890; 30 / 890 × 1000 = 33.707…
        VitalRates growing = new VitalRates(1_000, 30, 10, 200, 0);
        assertThat(growing.startPopulation()).isEqualTo(780);
        assertThat(growing.crudeBirthRate()).isEqualTo(33.71);
        assertThat(growing.naturalIncreaseRate()).isEqualTo(22.47);
    }

    @Test
    void nobodyLivingThereGivesNoRate() {
        assertThat(new VitalRates(0, 0, 0, 0, 0).crudeBirthRate()).isNull();
        assertThat(new VitalRates(0, 0, 0, 0, 3).crudeDeathRate()).isNotNull(); // three left: a mean of 1.5
    }
}
