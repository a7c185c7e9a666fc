package cn.dongcheng.platform.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads {@code yyyy-MM-dd} dates without the general {@link java.time.format.DateTimeFormatter} machinery, which
 * showed up as a noticeable share of bulk ingestion time (every record has several dates). Anything else — other
 * forms, impossible dates such as 2023-02-30 — goes to Jackson's own deserializer, so its errors read the same.
 */
public class IsoLocalDateDeserializer extends LocalDateDeserializer {

    public IsoLocalDateDeserializer() {
        super();
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            LocalDate fast = parse(parser.getText());
            if (fast != null) {
                return fast;
            }
        }
        return super.deserialize(parser, context);
    }

    /** The date in a plain {@code yyyy-MM-dd} text, or null when the text is anything else. */
    static LocalDate parse(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
