package cn.dongcheng.platform.supervision.result;

import cn.dongcheng.platform.common.time.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PublicationDeadlineTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.mainlandChina();

    @Test
    void twentyWorkingDaysSkipTheNationalDayHolidayAndCountTheMakeUpDays() {
        // Sun Sep 20 and Sat Oct 10 are worked; Fri Sep 25 (Mid-Autumn) and Oct 1–7 are not
        assertThat(PublicationDeadline.after(LocalDate.parse("2026-09-18"), calendar)).isEqualTo(LocalDate.parse("2026-10-22"));
    }

    @Test
    void acrossTheSpringFestivalAndItsSaturdayMakeUpDays() {
        // Feb 15–23 off; Sat Feb 14 and Sat Feb 28 worked: Feb 2–13 (10), 14, 24–27 (4), 28, Mar 2–5 (4) = 20
        assertThat(PublicationDeadline.after(LocalDate.parse("2026-01-30"), calendar)).isEqualTo(LocalDate.parse("2026-03-05"));
    }

    @Test
    void anOrdinaryMonthIsFourWeeks() {
        assertThat(PublicationDeadline.after(LocalDate.parse("2026-11-06"), calendar)).isEqualTo(LocalDate.parse("2026-12-04"));
    }
}
