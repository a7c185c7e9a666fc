package cn.dongcheng.platform.supervision.inspector;

import cn.dongcheng.platform.common.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InspectorValidatorTest {

    private static InspectorInput input(String badge, String status, Integer cap, List<InspectorInput.ConflictInput> conflicts) {
        return new InspectorInput(badge, "李四", null, "东城区市场监督管理局", List.of(" FOOD_SAFETY ", "FOOD_SAFETY"), status, conflicts, cap, null);
    }

    @Test
    void normalisesAValidInspector() {
        InspectorDocument doc = InspectorValidator.validate(input("dc-0001", "on_leave", 10,
                List.of(new InspectorInput.ConflictInput("91350100m000100y43", " 前雇主 "))), "2026-11-30T15:00+08:00");

        assertThat(doc.badgeNumber()).isEqualTo("DC-0001");
        assertThat(doc.status()).isEqualTo(InspectorStatus.ON_LEAVE);
        assertThat(doc.status().drawable()).isFalse();
        assertThat(doc.qualifications()).containsExactly("FOOD_SAFETY");
        assertThat(doc.conflictsWith("91350100M000100Y43")).isTrue();
        assertThat(doc.conflicts().get(0).reason()).isEqualTo("前雇主");
    }

    @Test
    void namesEveryBadField() {
        assertThatThrownBy(() -> InspectorValidator.validate(input("x", "SLEEPING", 0,
                List.of(new InspectorInput.ConflictInput("91350100M000100Y44", "亲属"))), "now"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("badgeNumber").hasMessageContaining("status").hasMessageContaining("workloadCap")
                .hasMessageContaining("conflicts[0].uscc");
    }

    @Test
    void aConflictNeedsAReason() {
        assertThatThrownBy(() -> InspectorValidator.validate(input("DC-0002", "ACTIVE", 5,
                List.of(new InspectorInput.ConflictInput("91350100M000100Y43", " "))), "now"))
                .hasMessageContaining("conflicts[0].reason");
    }
}
