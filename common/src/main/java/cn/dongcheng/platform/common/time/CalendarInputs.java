package cn.dongcheng.platform.common.time;

import cn.dongcheng.platform.common.problem.Echo;
import cn.dongcheng.platform.common.problem.InvalidInputException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * Dates and report months as request inputs: ISO text with a four-digit year from 1000 to 9999. Java reads far more
 * ({@code -0001-01-01}, {@code +10000-01}, year 0) than Elasticsearch stores or compares, and what it cannot take came
 * back as a 500; here anything else is a 400 naming the field.
 */
public final class CalendarInputs {

    private static final Pattern DATE = Pattern.compile("[1-9]\\d{3}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("[1-9]\\d{3}-\\d{2}");

    private CalendarInputs() {
    }

    /** The date, or null for an absent or blank value. */
    public static LocalDate date(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return parseDate(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, e.getMessage());
        }
    }

    /** The month, or null for an absent or blank value. */
    public static YearMonth month(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.trim();
        try {
            if (MONTH.matcher(text).matches()) {
                return YearMonth.parse(text);
            }
        } catch (DateTimeException e) {
            // e.g. month 13: same answer as any other malformed month
        }
        throw new InvalidInputException(field, "must be a month like 2024-03 (years 1000–9999), got " + Echo.quote(raw));
    }

    /** A date of the accepted form; {@link IllegalArgumentException} saying what is expected otherwise. */
    public static LocalDate parseDate(String raw) {
        String text = raw.trim();
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeException e) {
            // e.g. 2023-02-30
        }
        throw new IllegalArgumentException("must be a date like 2020-11-01 (years 1000–9999), got " + Echo.quote(raw));
    }
}
