package cn.dongcheng.platform.population.table;

import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.time.CalendarInputs;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The months of a monthly series (月度序列), each counted on its last day (today for the month under way). */
public record MonthRange(YearMonth from, YearMonth to) {

    static final int MAX_MONTHS = 60;

    public static MonthRange parse(String from, String to, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        YearMonth first = month("from", from, problems);
        YearMonth last = month("to", to, problems);
        if (last != null && last.isAfter(YearMonth.from(today))) {
            problems.add(new FieldProblem("to", "must not be after this month (" + YearMonth.from(today) + "), got " + last));
        } else if (first != null && last != null && first.isAfter(last)) {
            problems.add(new FieldProblem("to", "must not be before from (" + first + "), got " + last));
        } else if (first != null && last != null && ChronoUnit.MONTHS.between(first, last) >= MAX_MONTHS) {
            problems.add(new FieldProblem("to", "a series has at most " + MAX_MONTHS + " months; " + first + " to " + last
                    + " has " + (ChronoUnit.MONTHS.between(first, last) + 1)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new MonthRange(first, last);
    }

    private static YearMonth month(String field, String raw, List<FieldProblem> problems) {
        try {
            YearMonth month = CalendarInputs.month(field, raw);
            if (month == null) {
                problems.add(new FieldProblem(field, "is required, a month like 2020-11"));
            }
            return month;
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    /** The day each month is counted on. */
    public List<LocalDate> countingDays(LocalDate today) {
        List<LocalDate> days = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            LocalDate end = m.atEndOfMonth();
            days.add(end.isAfter(today) ? today : end);
        }
        return days;
    }
}
