package cn.dongcheng.platform.industry.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Location quotient (区位商) of a section: LQ = (district value of the section / district total) / (Beijing share of
 * the section); above 1 the district is over-represented. The Beijing shares come from a bundled reference file.
 */
public final class LocationQuotients {

    private final Map<String, Double> beijingShares;
    private final Reference reference;

    /**
     * What the quotients compare with, said in every answer that has them: the Beijing table's year, and whether it is
     * approximate (a reconstruction, not the yearbook's table), so nobody reads a synthetic quotient as official.
     */
    public record Reference(int year, boolean approximate, String note) {
        static Reference of(int year, boolean approximate) {
            return new Reference(year, approximate, approximate
                    ? "Beijing's section shares of " + year + " are an approximate reconstruction, not the Statistical Yearbook's table: location quotients are indicative only"
                    : "Beijing's section shares of " + year + " (Beijing Statistical Yearbook)");
        }
    }

    public LocationQuotients(Map<String, Double> beijingShares, Reference reference) {
        this.reference = reference;
        double sum = beijingShares.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> normalised = new HashMap<>();
        beijingShares.forEach((k, v) -> normalised.put(k, v / sum));
        this.beijingShares = Map.copyOf(normalised);
    }

    public static LocationQuotients bundled() {
        try (InputStream in = LocationQuotients.class.getResourceAsStream("/reference/beijing-section-shares.json")) {
            JsonNode table = new ObjectMapper().readTree(in);
            Map<String, Double> map = new HashMap<>();
            table.path("shares").fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asDouble()));
            // a table that does not say it is official is treated as approximate
            return new LocationQuotients(map, Reference.of(table.path("year").asInt(), table.path("synthetic").asBoolean(true)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reference reference() {
        return reference;
    }

    /** LQ of a section, or null where the reference has no share for it. */
    public Double of(String section, double districtValue, double districtTotal) {
        Double reference = beijingShares.get(section);
        if (reference == null || reference == 0 || districtTotal <= 0) {
            return null;
        }
        return Math.round(districtValue / districtTotal / reference * 1000) / 1000.0;
    }
}
