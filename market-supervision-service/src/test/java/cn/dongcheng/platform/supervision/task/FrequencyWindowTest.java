package cn.dongcheng.platform.supervision.task;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FrequencyWindowTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-30");

    @Test
    void anEntityStaysOutUntilItsItemsWindowHasPassed() {
        FrequencyWindow window = new FrequencyWindow(Map.of("DC-FOOD", 365, "DC-PRICE", 30), TODAY);
        assertThat(window.keepsOut(List.of("DC-FOOD"), TODAY.minusDays(364))).contains("DC-FOOD");
        assertThat(window.keepsOut(List.of("DC-FOOD"), TODAY.minusDays(365))).as("drawn a full window ago").isEmpty();
        assertThat(window.keepsOut(List.of("DC-PRICE"), TODAY.minusDays(40))).isEmpty();
        assertThat(window.keepsOut(List.of("DC-PRICE", "DC-FOOD"), TODAY.minusDays(40)))
                .as("a joint visit would inspect it for every item").contains("DC-FOOD");
        assertThat(window.keepsOut(List.of("DC-OTHER"), TODAY)).as("another item's draw keeps nothing out").isEmpty();
        assertThat(window.earliestDayInside()).isEqualTo(TODAY.minusDays(364));
    }
}
