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

    /** The threshold in yuan for the year, or null when the year has no rules. */
    public static Long threshold(int year, String section, String division) {
        JsonNode y = BY_YEAR.path(String.valueOf(year));
        if (y.isMissingNode()) {
            return null;
        }
        if (division != null && y.path("divisions").has(division)) {
            return y.path("divisions").path(division).asLong();
        }
        if (section != null && y.path("sections").has(section)) {
            return y.path("sections").path(section).asLong();
        }
        return y.path("default").asLong();
    }

    /** Year-to-date revenue (yuan) scaled to twelve months; December is the year itself. */
    public static BigDecimal annualised(BigDecimal revenueYtd, int month) {
        return revenueYtd.multiply(BigDecimal.valueOf(12)).divide(BigDecimal.valueOf(month), 2, RoundingMode.HALF_UP);
    }

    /** The class of an entity from one report, or null when the year has no threshold or the report no revenue. */
    public static SizeClass classify(BigDecimal revenueYtd, int year, int month, String section, String division) {
        Long threshold = threshold(year, section, division);
        if (threshold == null || revenueYtd == null) {
            return null;
        }
        return annualised(revenueYtd, month).compareTo(BigDecimal.valueOf(threshold)) >= 0 ? SizeClass.ABOVE : SizeClass.BELOW;
    }
}
