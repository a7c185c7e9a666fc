package cn.dongcheng.platform.supervision.result;

import cn.dongcheng.platform.common.time.WorkingDayCalendar;

import java.time.LocalDate;

/** Results are published within 20 working days of the inspection ending (国办发〔2015〕58号, SAMR practice). */
public final class PublicationDeadline {

    public static final int WORKING_DAYS = 20;

    private PublicationDeadline() {
    }

    /** The 20th working day after the end of the inspection, holidays and make-up working days as the calendar says. */
    public static LocalDate after(LocalDate inspectionEnd, WorkingDayCalendar calendar) {
        return calendar.plusWorkingDays(inspectionEnd, WORKING_DAYS);
    }
}
