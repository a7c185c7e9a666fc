package cn.dongcheng.platform.demodata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The inspection-item lists of the departments taking part in spot checks and their inspector directory, from
 * {@value #RESOURCE} (the laws cited are the real legal bases of these checks; the rest is synthetic and says so).
 */
final class SupervisionData {

    static final String RESOURCE = "/supervision/spot-check-demo-v1.json";
    /** Inspectors in the demo directory; the issue asks for about 300. */
    static final int INSPECTORS = 300;
    /** The market regulator's code: half of the officers are its own. */
    static final String MARKET_REGULATOR = "SCJG";

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonNode catalogue;
    private final Map<String, JsonNode> departments = new LinkedHashMap<>();

    SupervisionData() {
        try (InputStream in = SupervisionData.class.getResourceAsStream(RESOURCE)) {
            catalogue = mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catalogue.path("departments").forEach(d -> departments.put(d.path("code").asText(), d));
    }

    /** The whole demo catalogue: departments, items, joint tasks, outcome shares and problem texts. */
    JsonNode catalogue() {
        return catalogue;
    }

    /** A department's full name by its code. */
    String departmentName(String code) {
        return departments.get(code).path("name").asText();
    }

    int itemCount() {
        return catalogue.path("items").size();
    }

    /**
     * The inspector directory: {@value #INSPECTORS} officers, half of them the market regulator's and the rest spread over
     * the other departments, about 6 % on leave, about one in ten with a declared conflict with one of the entities;
     * synthetic names and phones. Badges DC-0001 … DC-0300 are also the demo inspector accounts' names.
     */
    long inspectors(List<String> entityCodes, long seed, Consumer<String> sink) {
        SplittableRandom random = new SplittableRandom(seed);
        List<JsonNode> others = new ArrayList<>(departments.values());
        others.remove(departments.get(MARKET_REGULATOR));
        for (int i = 0; i < INSPECTORS; i++) {
            JsonNode department = i < INSPECTORS / 2 ? departments.get(MARKET_REGULATOR) : others.get(random.nextInt(others.size()));
            JsonNode held = department.path("qualifications");
            ObjectNode n = mapper.createObjectNode();
            n.put("badgeNumber", badge(i + 1));
            n.put("name", Names.person(random));
            n.put("phone", "1" + (30 + random.nextInt(60)) + String.format("%08d", random.nextInt(100_000_000)));
            n.put("department", department.path("name").asText());
            var qualifications = n.putArray("qualifications").add(held.get(0).asText());
            for (int q = 1; q < held.size(); q++) {
                if (random.nextInt(100) < 60) {
                    qualifications.add(held.get(q).asText());
                }
            }
            n.put("status", random.nextInt(100) < 6 ? "ON_LEAVE" : "ACTIVE");
            n.put("workloadCap", 10 + random.nextInt(4) * 5);
            var conflicts = n.putArray("conflicts");
            if (!entityCodes.isEmpty() && random.nextInt(100) < 10) {
                conflicts.addObject().put("uscc", entityCodes.get(random.nextInt(entityCodes.size()))).put("reason", "近亲属任职");
            }
            n.put("dataSource", PersonGenerator.DATA_SOURCE);
            sink.accept(n.toString());
        }
        return INSPECTORS;
    }

    static String badge(int number) {
        return String.format("DC-%04d", number);
    }

    long inspectionItems(Consumer<String> sink) {
        for (JsonNode item : catalogue.path("items")) {
            boolean key = item.path("keyItem").asBoolean();
            int perYear = item.path("frequencyPerYear").asInt();
            ObjectNode n = mapper.createObjectNode();
            n.put("code", item.path("code").asText());
            n.put("name", item.path("name").asText());
            n.put("legalBasis", item.path("legalBasis").asText());
            n.put("inspectingBody", departmentName(item.path("department").asText()));
            n.put("method", item.path("method").asText());
            n.put("keyItem", key);
            if (item.has("ratioPercent")) {
                n.put("ratioPercent", item.path("ratioPercent").asInt());
            }
            n.put("frequencyPerYear", perYear);
            n.put("targetType", "ALL");
            // ratios per credit-risk class within the published local bands (A ≤ 5 %, B 5–20 %, C 21–60 %, D 61–100 %);
            // key items are not capped, so they sit at the top of each band
            n.putObject("ratioByRiskClass").put("A", key ? 0.05 : 0.03).put("B", key ? 0.2 : 0.08).put("C", key ? 0.6 : 0.3)
                    .put("D", key ? 1.0 : 0.7);
            n.put("frequencyWindowDays", 365 / perYear);
            n.put("minSample", 1);
            n.put("qualification", item.path("qualification").asText());
            n.put("dataSource", PersonGenerator.DATA_SOURCE);
            sink.accept(n.toString());
        }
        return itemCount();
    }
}
