package cn.dongcheng.platform.population.presence;

import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PresenceCountValidatorTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2025, 3, 10, 10, 20);

    private static PresenceCountDocument valid(PresenceCountLine line) {
        return PresenceCountValidator.validate(line, PresenceEstimationTest.SHARES, NOW, "2025-03-10T10:20+08:00");
    }

    private static FieldProblem onlyProblem(PresenceCountLine line) {
        InvalidInputException e = catchThrowableOfType(() -> valid(line), InvalidInputException.class);
        assertThat(e).as("rejected: " + line).isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void aCountIsKeyedByOperatorStreetAndHour() {
        PresenceCountDocument d = valid(new PresenceCountLine(" china_mobile ", "110101006", "2025-03-10T09:00:00", 1200L, "cm-1"));
        assertThat(d.id()).isEqualTo("CHINA_MOBILE:110101006:2025-03-10T09:00");
        assertThat(d.count()).isEqualTo(1200L);
    }

    @Test
    void eachBadFieldIsNamedWithItsReason() {
        assertThat(onlyProblem(new PresenceCountLine("CHINA_BROADNET", "110101006", "2025-03-10T09:00", 1L, "b")).field()).isEqualTo("operator");
        assertThat(onlyProblem(new PresenceCountLine("CHINA_MOBILE", "110102001", "2025-03-10T09:00", 1L, "b")).field()).isEqualTo("streetCode");
        FieldProblem offTheHour = onlyProblem(new PresenceCountLine("CHINA_MOBILE", "110101006", "2025-03-10T09:30", 1L, "b"));
        assertThat(offTheHour.field()).isEqualTo("hour");
        assertThat(offTheHour.reason()).contains("on the hour");
        FieldProblem notEnded = onlyProblem(new PresenceCountLine("CHINA_MOBILE", "110101006", "2025-03-10T10:00", 1L, "b"));
        assertThat(notEnded.reason()).contains("has not ended");
        assertThat(onlyProblem(new PresenceCountLine("CHINA_MOBILE", "110101006", "2025-02-30T10:00", 1L, "b")).field()).isEqualTo("hour");
        FieldProblem negative = onlyProblem(new PresenceCountLine("CHINA_MOBILE", "110101006", "2025-03-10T09:00", -1L, "b"));
        assertThat(negative.field()).isEqualTo("count");
        assertThat(negative.reason()).contains("negative");
        assertThat(onlyProblem(new PresenceCountLine("CHINA_MOBILE", "110101006", "2025-03-10T09:00", 1L, " ")).field()).isEqualTo("sourceBatch");
    }

    @Test
    void everyProblemOfALineIsReportedAtOnce() {
        InvalidInputException e = catchThrowableOfType(() -> valid(new PresenceCountLine(null, null, null, null, null)),
                InvalidInputException.class);
        assertThat(e.problems()).extracting(FieldProblem::field)
                .containsExactly("operator", "streetCode", "hour", "count", "sourceBatch");
    }
}
