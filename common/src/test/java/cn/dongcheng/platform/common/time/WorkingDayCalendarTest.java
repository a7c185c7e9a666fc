package cn.dongcheng.platform.common.time;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.mainlandChina();

    @Test
    void theReferenceCheckCountsTheMakeUpSundayAndSkipsTheAutumnHolidays() {
        // 20th working day after Friday 2026-09-18: Sep 20 (Sunday) counts, Sep 25 and Oct 1–7 do not, Oct 10 counts
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 9, 18), 20)).isEqualTo(LocalDate.of(2026, 10, 22));
    }

    @Test
    void holidaysMakeUpDaysAndOrdinaryWeeks() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).as("National Day").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 25))).as("Mid-Autumn, a Friday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("make-up Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 26))).as("make-up Sunday before Spring Festival").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 3, 15))).as("an ordinary Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 3, 17))).as("an ordinary Monday").isTrue();
    }

    @Test
    void countingAcrossSpringFestival() {
        // Friday 2025-01-24 → Sun 26 (make-up) is the 1st, Mon 27 the 2nd, Jan 28–Feb 4 off, Wed Feb 5 the 3rd
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 1, 24), 3)).isEqualTo(LocalDate.of(2025, 2, 5));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 1, 24), 0)).isEqualTo(LocalDate.of(2025, 1, 24));
    }

    @Test
    void countingAcrossTheTurnOfTheYear() {
        // Wed 2025-12-31 → Jan 1–3 off, Sun Jan 4 is a make-up working day
        assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 12, 31), 1)).isEqualTo(LocalDate.of(2026, 1, 4));
    }

    @Test
    void aYearWithoutItsNoticeFailsLoudlyInsteadOfGuessing() {
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2027, 3, 1)))
                .isInstanceOf(WorkingDayCalendar.YearNotCoveredException.class)
                .hasMessageContaining("2027").hasMessageContaining("working-days-cn-2027.json");
        assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.of(2026, 12, 25), 10))
                .isInstanceOf(WorkingDayCalendar.YearNotCoveredException.class);
    }

    @Test
    void aYearWithoutItsNoticeIsLookedForOnce() {
        // records decided years ago ask for their year's calendar on every line of a bulk load: not a class-path read each
        AtomicInteger reads = new AtomicInteger();
        WorkingDayCalendar counting = new WorkingDayCalendar(year -> {
            reads.incrementAndGet();
            return null;
        });
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> counting.isWorkingDay(LocalDate.of(2021, 5, 6))).isInstanceOf(WorkingDayCalendar.YearNotCoveredException.class);
        }
        assertThat(reads).hasValue(1);
    }

    @Test
    void aMakeUpDayOnAWeekdayIsABrokenFile() throws Exception {
        var file = new ObjectMapper().readTree("{\"year\":2025,\"source\":\"x\",\"holidays\":[],\"makeUpWorkingDays\":[\"2025-03-17\"]}");
        assertThatThrownBy(() -> WorkingDayCalendar.Year.parse(2025, file)).hasMessageContaining("not a weekend day");
    }
}
