package cn.dongcheng.platform.population.projection;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;

/**
 * Writes a vector of values rounded to hundredths (a projection's people by age) as {@link Double#toString} would —
 * {@code 1234.57}, {@code 12.5}, {@code 0.0} — but from the whole hundredths, without its digit generation: a 30-year
 * single-year answer for the 17 streets and the district holds 112,716 of them, and generating their digits was most of
 * the service's own time for such a projection (JFR, issue 13). A value that is not a whole number of hundredths, or
 * lies outside the range {@code Double.toString} writes without an exponent, is written the usual way.
 */
final class HundredthsSerializer extends StdSerializer<double[]> {

    /** {@code Double.toString} switches to computerized scientific notation from 10^7 on. */
    private static final double PLAIN_LIMIT = 1e7;

    HundredthsSerializer() {
        super(double[].class);
    }

    @Override
    public void serialize(double[] values, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeStartArray(values, values.length);
        char[] text = new char[16];
        for (double v : values) {
            int length = plain(v, text);
            if (length < 0) {
                gen.writeNumber(v);
            } else {
                gen.writeNumber(text, 0, length);
            }
        }
        gen.writeEndArray();
    }

    /** Writes {@code v} into {@code text} as Double.toString does and answers the length, or −1 when it cannot. */
    static int plain(double v, char[] text) {
        if (!(Math.abs(v) < PLAIN_LIMIT) || v == 0 && 1 / v < 0) { // NaN, infinities, large values, −0.0
            return -1;
        }
        long hundredths = Math.round(v * 100);
        if (hundredths / 100.0 != v) {
            return -1;
        }
        int at = 0;
        if (hundredths < 0) {
            text[at++] = '-';
            hundredths = -hundredths;
        }
        // the whole part's digits written in place, last first: Long.toString's String per number was a third of
        // the service's CPU for a 17-street single-year answer (JFR at 1 ms sampling)
        int whole = (int) (hundredths / 100); // below 10^7
        int digits = 1;
        for (int rest = whole; rest >= 10; rest /= 10) {
            digits++;
        }
        for (int i = at + digits - 1; i >= at; i--) {
            text[i] = (char) ('0' + whole % 10);
            whole /= 10;
        }
        at += digits;
        text[at++] = '.';
        int fraction = (int) (hundredths % 100);
        text[at++] = (char) ('0' + fraction / 10);
        if (fraction % 10 != 0) {
            text[at++] = (char) ('0' + fraction % 10);
        }
        return at;
    }
}
