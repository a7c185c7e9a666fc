package cn.dongcheng.platform.population.linkage;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The versioned rule (冲突消解规则, {@code linkage/conflict-rules-v1.json}) deciding which source record supplies each
 * field of a linked person; the file's description is the documentation. The version is stored on every person.
 */
public record ConflictRules(String version, String description, List<FieldRule> rules) {

    /** The fields a rule file must decide, each exactly once. */
    static final List<String> FIELDS = List.of("name", "sex", "birthDate", "hukouPlace", "hukouType",
            "registrationStreetCode", "householdId", "residenceStreetCode", "residenceCommunity", "residenceSince", "status");

    public enum Method { PRECEDENCE, MOST_RECENT }

    /** One group of fields taken together from the record the rule picks among those stating {@code fields[0]}. */
    public record FieldRule(List<String> fields, Method rule, List<SourceKind> order, List<SourceKind> overriding,
                            String reason) {

        public FieldRule {
            overriding = overriding == null ? List.of() : List.copyOf(overriding);
        }

        /** The winning record among {@code records}, if any states the rule's first field and may supply it. */
        Optional<SourceRecord> pick(List<SourceRecord> records) {
            List<SourceRecord> candidates = new ArrayList<>();
            for (SourceRecord r : records) {
                if (order.contains(r.source()) && r.fact(fields.get(0)) != null) {
                    candidates.add(r);
                }
            }
            if (candidates.stream().anyMatch(r -> overriding.contains(r.source()))) {
                candidates.removeIf(r -> !overriding.contains(r.source()));
            }
            Comparator<SourceRecord> byOrder = Comparator.comparingInt(r -> order.indexOf(r.source()));
            Comparator<SourceRecord> newestFirst = Comparator.comparing(SourceRecord::sourceDate).reversed();
            Comparator<SourceRecord> bySourceId = Comparator.comparing(SourceRecord::sourceId).reversed();
            Comparator<SourceRecord> winnerFirst = rule == Method.PRECEDENCE
                    ? byOrder.thenComparing(newestFirst).thenComparing(bySourceId)
                    : newestFirst.thenComparing(byOrder).thenComparing(bySourceId);
            return candidates.stream().min(winnerFirst);
        }
    }

    /** Reads a rule file; one that misses a field, names one twice or names an unknown one does not load. */
    public static ConflictRules load(InputStream in) throws IOException {
        ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        ConflictRules rules = json.readValue(in, ConflictRules.class);
        Set<String> seen = new HashSet<>();
        for (FieldRule rule : rules.rules()) {
            if (rule.fields() == null || rule.fields().isEmpty() || rule.rule() == null || rule.order() == null) {
                throw new IllegalStateException(rules.version() + ": every rule needs fields, rule and order");
            }
            for (String field : rule.fields()) {
                if (!FIELDS.contains(field) || !seen.add(field)) {
                    throw new IllegalStateException(rules.version() + ": field '" + field + "' is unknown or decided twice");
                }
            }
        }
        if (!seen.containsAll(FIELDS)) {
            throw new IllegalStateException(rules.version() + ": no rule for " + FIELDS.stream().filter(f -> !seen.contains(f)).toList());
        }
        return rules;
    }
}
