package cn.dongcheng.platform.common.web.input;

import cn.dongcheng.platform.common.time.CalendarInputs;
import org.springframework.format.Formatter;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Every {@code LocalDate} request parameter (with or without {@code @DateTimeFormat}) is read by
 * {@link CalendarInputs#parseDate}: {@code asOf=-0001-01-01} or {@code 0000-01-01} is a 400, not a 500 from
 * Elasticsearch.
 */
public class IsoDateFormatter implements Formatter<LocalDate> {

    @Override
    public LocalDate parse(String text, Locale locale) {
        return CalendarInputs.parseDate(text);
    }

    @Override
    public String print(LocalDate date, Locale locale) {
        return date.toString();
    }
}
