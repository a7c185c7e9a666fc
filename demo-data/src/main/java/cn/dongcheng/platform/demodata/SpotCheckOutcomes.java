package cn.dongcheng.platform.demodata;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the demo's inspectors find (synthetic): outcomes in the catalogue's shares, problems more often at higher
 * credit-risk classes, in catering and retail, and more in some streets than others, so the oversight figures by
 * stratum, industry and street differ; a few inspections still under way have no result yet. Decided by the seed and
 * the target alone, so a load gives the same results whatever order it enters them in.
 */
final class SpotCheckOutcomes {

    static final String PROBLEMS_FOUND = "PROBLEMS_FOUND";

    private SpotCheckOutcomes() {
    }

    /** An entered result: its outcome and, with problems found, what was found. */
    record Result(String outcome, String details) {
    }

    /** The result of a drawn target ({@code targetId}, {@code riskClass}, {@code streetCode}, {@code industrySection}); null when not entered yet. */
    static Result of(JsonNode catalogue, PlannedTask task, JsonNode target, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ target.path("targetId").asText().hashCode() * 0x9E3779B97F4A7C15L);
        if (random.nextInt(100) < catalogue.path("openShare").asInt()) {
            return null;
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        catalogue.path("outcomeShares").fields().forEachRemaining(e -> weights.put(e.getKey(), e.getValue().asDouble()));
        weights.computeIfPresent(PROBLEMS_FOUND, (k, w) -> w * problemFactor(target));
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double pick = random.nextDouble() * total;
        String outcome = null;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            outcome = e.getKey();
            pick -= e.getValue();
            if (pick < 0) {
                break;
            }
        }
        if (!PROBLEMS_FOUND.equals(outcome)) {
            return new Result(outcome, null);
        }
        JsonNode texts = catalogue.path("problems").path(task.department());
        return new Result(outcome, texts.get(random.nextInt(texts.size())).asText());
    }

    /** How much likelier than the catalogue's share problems are found at this target. */
    static double problemFactor(JsonNode target) {
        double factor = switch (target.path("riskClass").asText()) {
            case "C" -> 2.5;
            case "D" -> 3.5;
            case "B" -> 1.5;
            default -> 1.0;
        };
        String section = target.path("industrySection").asText();
        if (section.equals("H") || section.equals("F")) {
            factor *= 1.4;
        }
        // streets differ: 0.6–1.5 by the street code's last digits (older lanes and markets in some, offices in others)
        String street = target.path("streetCode").asText();
        if (street.length() >= 2) {
            factor *= 0.6 + (Integer.parseInt(street.substring(street.length() - 2)) % 10) * 0.1;
        }
        return factor;
    }
}
