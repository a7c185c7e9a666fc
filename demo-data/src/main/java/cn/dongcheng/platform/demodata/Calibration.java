package cn.dongcheng.platform.demodata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The published figures the demo data is calibrated to ({@code calibration/dongcheng-2020.json}, sources inside). */
public record Calibration(LocalDate censusDate, int residents, Map<String, Integer> residentsByStreet,
                         Map<String, Boolean> streetFigurePublished, double sexRatio, Map<String, Double> ageShares,
                         double floatingShare, double registeredAwayPerRegisteredResident, JsonNode enterprises) {

    public static Calibration load() {
        try (InputStream in = Calibration.class.getResourceAsStream("/calibration/dongcheng-2020.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            int residents = root.path("residents").asInt();
            Map<String, Integer> byStreet = new LinkedHashMap<>();
            Map<String, Boolean> published = new LinkedHashMap<>();
            Map<String, Double> weights = new LinkedHashMap<>();
            int known = 0;
            for (JsonNode s : root.path("streets")) {
                String code = s.path("code").asText();
                if (s.path("residents").isNumber()) {
                    byStreet.put(code, s.path("residents").asInt());
                    published.put(code, true);
                    known += s.path("residents").asInt();
                } else {
                    byStreet.put(code, 0);
                    published.put(code, false);
                    weights.put(code, s.path("weightOfRest").asDouble());
                }
            }
            byStreet.putAll(largestRemainder(residents - known, weights));
            Map<String, Double> ages = new LinkedHashMap<>();
            root.path("ageShares").fields().forEachRemaining(e -> ages.put(e.getKey(), e.getValue().asDouble()));
            return new Calibration(LocalDate.parse(root.path("censusDate").asText()), residents, byStreet, published,
                    root.path("sexRatio").asDouble(), ages, root.path("floatingShare").asDouble(),
                    root.path("registeredAwayPerRegisteredResident").asDouble(), root.path("enterprises"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits {@code total} by weights into integers that add up to exactly {@code total} (largest remainder). */
    static Map<String, Integer> largestRemainder(long total, Map<String, Double> weights) {
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Integer> out = new LinkedHashMap<>();
        List<Map.Entry<String, Double>> remainders = new ArrayList<>();
        long assigned = 0;
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            double exact = total * w.getValue() / sum;
            int floor = (int) Math.floor(exact);
            out.put(w.getKey(), floor);
            assigned += floor;
            remainders.add(Map.entry(w.getKey(), exact - floor));
        }
        remainders.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        for (int i = 0; i < total - assigned; i++) {
            out.merge(remainders.get(i).getKey(), 1, Integer::sum);
        }
        return out;
    }

    /** Street totals at a scale, still adding up exactly to the scaled district total. */
    public Map<String, Integer> residentsByStreet(Scale scale) {
        if (scale == Scale.DISTRICT) {
            return residentsByStreet;
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        residentsByStreet.forEach((k, v) -> weights.put(k, v.doubleValue()));
        return largestRemainder(Math.round(residents * scale.personFactor()), weights);
    }
}
