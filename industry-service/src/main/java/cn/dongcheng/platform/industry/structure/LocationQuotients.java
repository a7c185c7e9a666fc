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

    public LocationQuotients(Map<String, Double> beijingShares) {
        double sum = beijingShares.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> normalised = new HashMap<>();
        beijingShares.forEach((k, v) -> normalised.put(k, v / sum));
        this.beijingShares = Map.copyOf(normalised);
    }

    public static LocationQuotients bundled() {
        try (InputStream in = LocationQuotients.class.getResourceAsStream("/reference/beijing-section-shares.json")) {
            JsonNode shares = new ObjectMapper().readTree(in).path("shares");
            Map<String, Double> map = new HashMap<>();
            shares.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asDouble()));
            return new LocationQuotients(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
