package cn.dongcheng.platform.population.projection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FertilityScheduleTest {

    @Test
    void reproductionIndicatorsByHand() {
        AgeGroups groups = new AgeGroups(5, 20); // 0–4, 5–9, 10–14, 15–19, 20+
        FertilitySchedule f = FertilitySchedule.fromAge(groups, 10, new double[]{0.1, 0.2}, 105);
        assertThat(f.totalFertilityRate()).isCloseTo(1.5, within(1e-12));          // 5 × (0.1 + 0.2)
        assertThat(f.grossReproductionRate()).isCloseTo(1.5 / 2.05, within(1e-12)); // girls 100/205
        LifeTable women = LifeTable.fromPersonYears(groups, new double[]{4.9, 4.8, 4.7, 4.6, 30}, 1);
        assertThat(f.netReproductionRate(women)).isCloseTo((0.1 * 4.7 + 0.2 * 4.6) / 2.05, within(1e-12));
    }

    @Test
    void noBirthsToTheOpenGroup() {
        AgeGroups groups = new AgeGroups(5, 20);
        assertThatThrownBy(() -> FertilitySchedule.fromAge(groups, 15, new double[]{0.1, 0.1}, 105))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
