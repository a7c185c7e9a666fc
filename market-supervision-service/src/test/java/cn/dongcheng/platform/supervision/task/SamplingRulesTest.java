package cn.dongcheng.platform.supervision.task;

import cn.dongcheng.platform.supervision.draw.StratumRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SamplingRulesTest {

    @Test
    void aJointTaskTakesEachClassesLargestRatioAndTheItemsWidestBounds() {
        SpotCheckTask task = TaskValidatorTest.validate(TaskValidatorTest.input("b", List.of("DC-FOOD", "DC-HEALTH"), null,
                "2026-12-01T21:30"));
        List<StratumRule> rules = SamplingRules.of(task);
        assertThat(rules).extracting(StratumRule::stratum).containsExactly("A", "B", "C", "D");
        // DC-FOOD: 0.05/0.2/0.4/0.6, min 2, max 50; DC-HEALTH: 3 % for every class, no bounds (no cap)
        assertThat(rules.get(0).ratio()).isEqualByComparingTo("0.05");
        assertThat(rules.get(3).ratio()).isEqualByComparingTo("0.6");
        assertThat(rules.get(0).minItems()).isEqualTo(2);
        assertThat(rules.get(0).maxItems()).as("an item without a cap leaves the stratum uncapped").isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void stratumSizeIsTheCeilingOfRatioTimesNClippedToTheItemsBounds() {
        SpotCheckTask task = TaskValidatorTest.validate(TaskValidatorTest.input("b", List.of("DC-FOOD"), null, "2026-12-01T21:30"));
        List<StratumRule> rules = SamplingRules.of(task);
        assertThat(rules.get(0).sampleSize(101)).as("⌈0.05 × 101⌉ = 6").isEqualTo(6);
        assertThat(rules.get(0).sampleSize(10)).as("⌈0.5⌉ = 1, raised to the minimum 2").isEqualTo(2);
        assertThat(rules.get(0).sampleSize(1)).as("never more than the stratum holds").isEqualTo(1);
        assertThat(rules.get(3).sampleSize(1000)).as("⌈600⌉ capped at 50").isEqualTo(50);
        assertThat(rules.get(1).sampleSize(0)).isZero();
    }
}
