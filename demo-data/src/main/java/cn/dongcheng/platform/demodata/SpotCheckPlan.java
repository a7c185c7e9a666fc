package cn.dongcheng.platform.demodata;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The demo's year of spot-check batches: per department with a plan, batches that each draw by one or two of its items
 * over one street (items for every entity) or one industry section (items for a trade), then the joint tasks
 * (进一次门、查多项事) in their lead department's plan. The scale sets how many batches, and at city scale every pool
 * is also one street's, so a batch stays a few hundred targets.
 */
final class SpotCheckPlan {

    static final List<String> STREETS = List.of("110101001", "110101002", "110101003", "110101004", "110101005", "110101006",
            "110101007", "110101008", "110101009", "110101010", "110101011", "110101012", "110101013", "110101014", "110101015",
            "110101016", "110101017");

    private SpotCheckPlan() {
    }

    /** Batches of the market regulator per plan at this scale; every other department has half as many. */
    static int marketBatches(Scale scale) {
        return switch (scale) {
            case SMALL -> 4;
            case DISTRICT -> 8;
            case CITY -> 12;
        };
    }

    static List<PlannedTask> of(JsonNode catalogue, Scale scale, int year, long seed) {
        SplittableRandom random = new SplittableRandom(seed + 7);
        Map<String, List<JsonNode>> itemsOf = new LinkedHashMap<>();
        Map<String, JsonNode> items = new LinkedHashMap<>();
        for (JsonNode department : catalogue.path("departments")) {
            if (department.path("plan").asBoolean()) {
                itemsOf.put(department.path("code").asText(), new ArrayList<>());
            }
        }
        for (JsonNode item : catalogue.path("items")) {
            items.put(item.path("code").asText(), item);
            List<JsonNode> of = itemsOf.get(item.path("department").asText());
            if (of != null) {
                of.add(item);
            }
        }
        List<PlannedTask> tasks = new ArrayList<>();
        Map<String, Integer> batches = new LinkedHashMap<>();
        for (Map.Entry<String, List<JsonNode>> department : itemsOf.entrySet()) {
            String code = department.getKey();
            int count = SupervisionData.MARKET_REGULATOR.equals(code) ? marketBatches(scale) : marketBatches(scale) / 2;
            List<JsonNode> own = department.getValue();
            for (int b = 1; b <= count; b++) {
                JsonNode first = own.get((b - 1) % own.size());
                List<JsonNode> chosen = new ArrayList<>(List.of(first));
                // every third batch takes a second item with the same kind of pool, so one visit covers both
                JsonNode second = own.get(b % own.size());
                if (b % 3 == 0 && second != first && sections(second).equals(sections(first))) {
                    chosen.add(second);
                }
                List<String> sections = sections(first);
                String section = sections.isEmpty() ? null : sections.get(random.nextInt(sections.size()));
                String street = section == null || scale == Scale.CITY ? STREETS.get(random.nextInt(STREETS.size())) : null;
                tasks.add(task(code, year, b, chosen, street, section));
            }
            batches.put(code, count);
        }
        for (JsonNode joint : catalogue.path("jointTasks")) {
            String lead = joint.path("lead").asText();
            int batch = batches.merge(lead, 1, Integer::sum);
            List<JsonNode> chosen = new ArrayList<>();
            joint.path("items").forEach(code -> chosen.add(items.get(code.asText())));
            String street = scale == Scale.CITY ? STREETS.get(random.nextInt(STREETS.size())) : null;
            PlannedTask task = task(lead, year, batch, chosen, street, joint.path("section").asText());
            tasks.add(new PlannedTask(lead, year, batch, year + "年第" + batch + "批" + joint.path("name").asText(), task.legalBasis(),
                    task.items(), street, task.section()));
        }
        return tasks;
    }

    private static PlannedTask task(String department, int year, int batch, List<JsonNode> items, String street, String section) {
        List<String> names = items.stream().map(i -> i.path("name").asText()).toList();
        List<String> bases = items.stream().map(i -> i.path("legalBasis").asText()).distinct().toList();
        return new PlannedTask(department, year, batch, year + "年第" + batch + "批" + String.join("、", names), String.join("；", bases),
                items.stream().map(i -> i.path("code").asText()).toList(), street, section);
    }

    private static List<String> sections(JsonNode item) {
        List<String> sections = new ArrayList<>();
        item.path("sections").forEach(s -> sections.add(s.asText()));
        return sections;
    }
}
