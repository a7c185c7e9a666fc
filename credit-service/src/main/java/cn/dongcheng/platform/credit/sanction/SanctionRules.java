package cn.dongcheng.platform.credit.sanction;

import cn.dongcheng.platform.credit.record.CreditRecordCategory;
import cn.dongcheng.platform.credit.record.SubjectType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joint sanctions (联合惩戒) per list and scenario, from a versioned rule file ({@code credit/sanction-measures-v1.json}).
 * A file that names an unknown list, effect or source, or a scenario without a name, does not load (the service does
 * not start): a wrong rule must not answer quietly.
 */
public final class SanctionRules {

    /** The list categories a check looks at (名单类信用信息). */
    public static final Set<CreditRecordCategory> LISTS = EnumSet.of(CreditRecordCategory.SERIOUS_DISHONESTY_LIST,
            CreditRecordCategory.DISHONEST_JUDGMENT_DEBTOR, CreditRecordCategory.ABNORMAL_OPERATIONS,
            CreditRecordCategory.MAJOR_TAX_VIOLATION);

    /** One scenario: its name, a note on what it does not cover, and its measures. */
    public record Scenario(String key, String name, String note, List<Rule> rules) {
    }

    /** A measure for subjects on {@code measure.list()}; {@code appliesTo} null: to both kinds of subject. */
    record Rule(SanctionMeasure measure, SubjectType appliesTo) {
    }

    private final String version;
    private final Map<CreditRecordCategory, String> listNames;
    private final Map<String, Scenario> scenarios;

    private SanctionRules(String version, Map<CreditRecordCategory, String> listNames, Map<String, Scenario> scenarios) {
        this.version = version;
        this.listNames = listNames;
        this.scenarios = scenarios;
    }

    public static SanctionRules load(InputStream in) throws IOException {
        JsonNode file = new ObjectMapper().readTree(in);
        String version = file.path("version").asText("");
        if (version.isBlank()) {
            throw new IllegalStateException("sanction measures must name their version");
        }
        Map<CreditRecordCategory, String> listNames = new EnumMap<>(CreditRecordCategory.class);
        for (CreditRecordCategory list : LISTS) {
            String name = file.path("lists").path(list.name()).asText("");
            if (name.isBlank()) {
                throw new IllegalStateException(version + ": lists." + list + " needs its Chinese name");
            }
            listNames.put(list, name);
        }
        Map<String, LegalBasis> sources = new HashMap<>();
        file.path("sources").properties().forEach(e -> {
            JsonNode s = e.getValue();
            if (s.path("document").asText("").isBlank() || !s.path("verified").isBoolean()) {
                throw new IllegalStateException(version + ": sources." + e.getKey() + " needs a document and verified true/false");
            }
            sources.put(e.getKey(), new LegalBasis(e.getKey(), s.path("document").asText(), text(s.path("number")),
                    s.path("verified").booleanValue(), text(s.path("note"))));
        });
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        file.path("scenarios").properties().forEach(e -> scenarios.put(e.getKey(), scenario(version, e.getKey(), e.getValue(), sources)));
        if (scenarios.isEmpty()) {
            throw new IllegalStateException(version + ": no scenarios");
        }
        return new SanctionRules(version, listNames, scenarios);
    }

    private static Scenario scenario(String version, String key, JsonNode node, Map<String, LegalBasis> sources) {
        String where = version + ": scenarios." + key;
        String name = node.path("name").asText("");
        if (name.isBlank()) {
            throw new IllegalStateException(where + " needs a name");
        }
        List<Rule> rules = new ArrayList<>();
        for (JsonNode m : node.path("measures")) {
            CreditRecordCategory list = parse(CreditRecordCategory.class, m.path("list").asText(""), where + ".list");
            if (!LISTS.contains(list)) {
                throw new IllegalStateException(where + ": " + list + " is not a list the check looks at");
            }
            MeasureEffect effect = parse(MeasureEffect.class, m.path("effect").asText(""), where + ".effect");
            SubjectType appliesTo = m.hasNonNull("appliesTo") ? parse(SubjectType.class, m.path("appliesTo").asText(), where + ".appliesTo") : null;
            String measure = m.path("measure").asText("");
            List<LegalBasis> basis = new ArrayList<>();
            for (JsonNode ref : m.path("basis")) {
                LegalBasis source = sources.get(ref.asText());
                if (source == null) {
                    throw new IllegalStateException(where + ": basis " + ref.asText() + " is not among the sources");
                }
                basis.add(source);
            }
            if (measure.isBlank() || basis.isEmpty()) {
                throw new IllegalStateException(where + ": every measure needs its wording and at least one basis");
            }
            rules.add(new Rule(new SanctionMeasure(list, effect, measure, List.copyOf(basis)), appliesTo));
        }
        return new Scenario(key, name, text(node.path("note")), List.copyOf(rules));
    }

    public String version() {
        return version;
    }

    public Collection<String> scenarioKeys() {
        return scenarios.keySet();
    }

    /** The scenario, or null when the file has none of that key. */
    public Scenario scenario(String key) {
        return key == null ? null : scenarios.get(key);
    }

    public String listName(CreditRecordCategory list) {
        return listNames.get(list);
    }

    /**
     * The measures that apply in {@code scenario} to a subject of this type on {@code lists}, in the file's order
     * (a subject on two lists gets both lists' measures, each naming its list).
     */
    public List<SanctionMeasure> measures(Scenario scenario, SubjectType subjectType, Set<CreditRecordCategory> lists) {
        List<SanctionMeasure> applying = new ArrayList<>();
        for (Rule rule : scenario.rules()) {
            if (lists.contains(rule.measure().list()) && (rule.appliesTo() == null || rule.appliesTo() == subjectType)) {
                applying.add(rule.measure());
            }
        }
        return applying;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String where) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": unknown " + type.getSimpleName() + " '" + value + "'");
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
