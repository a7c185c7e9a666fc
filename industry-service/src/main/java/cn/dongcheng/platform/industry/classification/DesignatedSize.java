package cn.dongcheng.platform.industry.classification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Above or below the designated size (规模以上/以下): annual main revenue against the year's threshold for the
 * entity's division or section ({@code reference/size-thresholds.json}, yearly so a change of rules is a new entry).
 */
public final class DesignatedSize {

    public enum SizeClass { ABOVE, BELOW }

    private static final JsonNode BY_YEAR = load();

    private DesignatedSize() {
    }

    private static JsonNode load() {
        try (InputStream in = DesignatedSize.class.getResourceAsStream("/reference/size-thresholds.json")) {
            return new ObjectMapper().readTree(in).path("byYear");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A year's threshold and the year whose rules it comes from. A year the table does not hold yet (or no longer)
     * takes the nearest year it holds — the latest for a year past the table — and says so ({@link #carriedOver}):
     * classification never silently stops when the calendar moves past the reference data.
     */
    public record Threshold(long yuan, int year, int rulesYear) {
        public boolean carriedOver() {
            return year != rulesYear;
        }

        /** For an answer: why the threshold is not the year's own, or null when it is. */
        public String note() {
            return carriedOver() ? "no designated-size thresholds for " + year + " in the reference table; those of "
                    + rulesYear + " are used" : null;
        }
    }

    /** The threshold in yuan for the year, from the nearest year with rules when the year has none. */
    public static Threshold threshold(int year, String section, String division) {
        int rulesYear = rulesYear(year);
        JsonNode y = BY_YEAR.path(String.valueOf(rulesYear));
        long yuan;
        if (division != null && y.path("divisions").has(division)) {
            yuan = y.path("divisions").path(division).asLong();
        } else if (section != null && y.path("sections").has(section)) {
            yuan = y.path("sections").path(section).asLong();
        } else {
            yuan = y.path("default").asLong();
        }
        return new Threshold(yuan, year, rulesYear);
    }

    /** The year itself when the table holds it, else the nearest year it holds. */
    static int rulesYear(int year) {
        int nearest = Integer.MIN_VALUE;
        for (var it = BY_YEAR.fieldNames(); it.hasNext(); ) {
            int known = Integer.parseInt(it.next());
            if (known == year) {
                return year;
            }
            if (nearest == Integer.MIN_VALUE || Math.abs(known - year) < Math.abs(nearest - year)
                    || (Math.abs(known - year) == Math.abs(nearest - year) && known > nearest)) {
                nearest = known;
            }
        }
        return nearest;
    }

    /** Year-to-date revenue (yuan) scaled to twelve months; December is the year itself. */
    public static BigDecimal annualised(BigDecimal revenueYtd, int month) {
        return revenueYtd.multiply(BigDecimal.valueOf(12)).divide(BigDecimal.valueOf(month), 2, RoundingMode.HALF_UP);
    }

    /** The class of an entity from one report, or null when the report has no revenue. */
    public static SizeClass classify(BigDecimal revenueYtd, int year, int month, String section, String division) {
        if (revenueYtd == null) {
            return null;
        }
        long threshold = threshold(year, section, division).yuan();
        return annualised(revenueYtd, month).compareTo(BigDecimal.valueOf(threshold)) >= 0 ? SizeClass.ABOVE : SizeClass.BELOW;
    }
}
