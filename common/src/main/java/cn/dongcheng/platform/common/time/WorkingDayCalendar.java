package cn.dongcheng.platform.common.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * The working-day calendar of mainland China (工作日历) in Beijing time: Monday–Friday, minus the public holidays
 * (法定节假日), plus the make-up working days (调休上班) of the State Council's yearly notice. Periods such as
 * "publish within 20 working days" (SAMR Order 45) or "decide within 10 working days" (NDRC Order 36) count here.
 *
 * <p>Each year is data ({@code calendar/working-days-cn-<year>.json}, with its source), read when first needed. A date
 * in a year without data is a {@link YearNotCoveredException}: counting only weekdays would silently put a deadline
 * inside a holiday week.
 */
public final class WorkingDayCalendar {

    static final String RESOURCE = "calendar/working-days-cn-%d.json";

    private final IntFunction<Year> loader;
    /** Years read so far; an uncovered year is remembered as empty, so asking again does not read the class path again. */
    private final Map<Integer, Optional<Year>> years = new ConcurrentHashMap<>();

    WorkingDayCalendar(IntFunction<Year> loader) {
        this.loader = loader;
    }

    /** The calendar from the yearly files on the class path. */
    public static WorkingDayCalendar mainlandChina() {
        ObjectMapper mapper = new ObjectMapper();
        return new WorkingDayCalendar(year -> {
            String path = String.format(RESOURCE, year);
            try (InputStream in = WorkingDayCalendar.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    return null;
                }
                return Year.parse(year, mapper.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        });
    }

    public boolean isWorkingDay(LocalDate date) {
        Year year = year(date.getYear());
        if (year.makeUpWorkingDays.contains(date)) {
            return true;
        }
        return !year.holidays.contains(date) && date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The {@code n}-th working day after {@code date} ({@code date} itself does not count, whether or not it is a
     * working day): "within 20 working days of the decision" ends on {@code plusWorkingDays(decision, 20)}.
     * {@code n = 0} is {@code date} itself.
     */
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        LocalDate day = date;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    private Year year(int year) {
        return years.computeIfAbsent(year, y -> Optional.ofNullable(loader.apply(y))).orElseThrow(() -> new YearNotCoveredException(year));
    }

    /** A date in a year whose holiday notice is not in the calendar yet. */
    public static final class YearNotCoveredException extends IllegalStateException {
        public YearNotCoveredException(int year) {
            super("the working-day calendar has no data for " + year + ": add " + String.format(RESOURCE, year)
                    + " from the State Council's holiday notice for that year");
        }
    }

    /** One year's notice: every holiday date and every make-up working day. */
    record Year(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) {

        static Year parse(int year, JsonNode file) {
            if (file.path("year").asInt() != year || file.path("source").asText("").isBlank()) {
                throw new IllegalStateException("calendar file for " + year + " must name that year and its source");
            }
            Set<LocalDate> holidays = new HashSet<>();
            for (JsonNode range : file.path("holidays")) {
                LocalDate from = date(year, range.path("from").asText());
                LocalDate to = date(year, range.path("to").asText());
                if (to.isBefore(from)) {
                    throw new IllegalStateException("calendar " + year + ": holiday ends before it starts: " + range);
                }
                from.datesUntil(to.plusDays(1)).forEach(holidays::add);
            }
            Set<LocalDate> makeUp = new HashSet<>();
            for (JsonNode day : file.path("makeUpWorkingDays")) {
                LocalDate d = date(year, day.asText());
                if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    throw new IllegalStateException("calendar " + year + ": make-up working day " + d + " is not a weekend day");
                }
                if (holidays.contains(d)) {
                    throw new IllegalStateException("calendar " + year + ": " + d + " is both a holiday and a working day");
                }
                makeUp.add(d);
            }
            return new Year(Set.copyOf(holidays), Set.copyOf(makeUp));
        }

        private static LocalDate date(int year, String text) {
            try {
                LocalDate d = LocalDate.parse(text);
                if (d.getYear() != year) {
                    throw new IllegalStateException("calendar " + year + ": " + d + " lies in another year");
                }
                return d;
            } catch (DateTimeException e) {
                throw new IllegalStateException("calendar " + year + ": not a date: " + text, e);
            }
        }
    }
}
