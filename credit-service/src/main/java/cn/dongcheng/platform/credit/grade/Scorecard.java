package cn.dongcheng.platform.credit.grade;

import cn.dongcheng.platform.credit.publication.Severity;
import cn.dongcheng.platform.credit.record.CreditRecordCategory;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The scorecard (信用评价规则) from a versioned file ({@code credit/scorecard-v1.json}): five dimensions with their
 * bounds and baselines, points per record category and (for penalties) severity, score thresholds for the grade and
 * the SAMR risk class, and the categories that bound them whatever the score. The weights are this platform's own
 * (none are published); the file says so. Plain class: grading is a pure function of the records in force.
 */
public final class Scorecard {

    public static final int MAX_SCORE = 1000;
    private static final String ANY = "ANY";

    record DimensionRule(String label, int max, int baseline) {
    }

    record Entry(Dimension dimension, int points) {
    }

    record Threshold<T>(T value, int minScore) {
    }

    record Bound(CreditGrade gradeNoBetterThan, RiskClass riskClassAtLeast) {
    }

    private final String version;
    private final Map<Dimension, DimensionRule> dimensions;
    /** category → severity (or null for every record of the category) → entries */
    private final Map<CreditRecordCategory, Map<Severity, List<Entry>>> points;
    private final Map<CreditRecordCategory, List<Entry>> anySeverity;
    private final List<Threshold<CreditGrade>> grades;
    private final List<Threshold<RiskClass>> riskClasses;
    private final Map<CreditRecordCategory, Bound> limits;

    private Scorecard(String version, Map<Dimension, DimensionRule> dimensions,
                      Map<CreditRecordCategory, Map<Severity, List<Entry>>> points, Map<CreditRecordCategory, List<Entry>> anySeverity,
                      List<Threshold<CreditGrade>> grades, List<Threshold<RiskClass>> riskClasses,
                      Map<CreditRecordCategory, Bound> limits) {
        this.version = version;
        this.dimensions = dimensions;
        this.points = points;
        this.anySeverity = anySeverity;
        this.grades = grades;
        this.riskClasses = riskClasses;
        this.limits = limits;
    }

    public String version() {
        return version;
    }

    /** Reads a scorecard file; one that misses a dimension, category, severity or threshold does not load. */
    public static Scorecard load(InputStream in) throws IOException {
        JsonNode file = new ObjectMapper().readTree(in);
        String version = file.path("version").asText("");
        if (version.isBlank()) {
            throw new IllegalStateException("a scorecard must name its version");
        }
        Map<Dimension, DimensionRule> dimensions = new EnumMap<>(Dimension.class);
        int total = 0;
        for (Dimension d : Dimension.values()) {
            JsonNode node = file.path("dimensions").path(d.name());
            int max = node.path("max").asInt(-1);
            int baseline = node.path("baseline").asInt(-1);
            if (max <= 0 || baseline < 0 || baseline > max || node.path("label").asText("").isBlank()) {
                throw new IllegalStateException(version + ": dimensions." + d + " needs a label, max > 0 and 0 ≤ baseline ≤ max");
            }
            dimensions.put(d, new DimensionRule(node.path("label").asText(), max, baseline));
            total += max;
        }
        if (total != MAX_SCORE) {
            throw new IllegalStateException(version + ": the dimensions' max must add up to " + MAX_SCORE + ", not " + total);
        }
        Map<CreditRecordCategory, Map<Severity, List<Entry>>> points = new EnumMap<>(CreditRecordCategory.class);
        Map<CreditRecordCategory, List<Entry>> anySeverity = new EnumMap<>(CreditRecordCategory.class);
        for (CreditRecordCategory category : CreditRecordCategory.values()) {
            JsonNode node = file.path("points").path(category.name());
            if (category == CreditRecordCategory.ADMINISTRATIVE_PENALTY) {
                Map<Severity, List<Entry>> bySeverity = new EnumMap<>(Severity.class);
                for (Severity severity : Severity.values()) {
                    bySeverity.put(severity, entries(version, category + "." + severity, node.path(severity.name())));
                }
                points.put(category, bySeverity);
            } else {
                anySeverity.put(category, entries(version, category + "." + ANY, node.path(ANY)));
            }
        }
        List<Threshold<CreditGrade>> grades = thresholds(version, file.path("grades"), "grade", CreditGrade.class);
        List<Threshold<RiskClass>> riskClasses = thresholds(version, file.path("riskClasses"), "riskClass", RiskClass.class);
        Map<CreditRecordCategory, Bound> limits = new EnumMap<>(CreditRecordCategory.class);
        file.path("limits").fields().forEachRemaining(e -> {
            if (e.getValue().isObject()) {
                JsonNode g = e.getValue().path("gradeNoBetterThan");
                JsonNode r = e.getValue().path("riskClassAtLeast");
                limits.put(CreditRecordCategory.valueOf(e.getKey()), new Bound(g.isTextual() ? CreditGrade.valueOf(g.asText()) : null,
                        r.isTextual() ? RiskClass.valueOf(r.asText()) : null));
            }
        });
        return new Scorecard(version, dimensions, points, anySeverity, grades, riskClasses, limits);
    }

    private static List<Entry> entries(String version, String where, JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalStateException(version + ": points." + where + " needs at least one {dimension, points}");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode e : node) {
            if (!e.path("points").isInt()) {
                throw new IllegalStateException(version + ": points." + where + " needs whole points");
            }
            entries.add(new Entry(Dimension.valueOf(e.path("dimension").asText()), e.path("points").asInt()));
        }
        return List.copyOf(entries);
    }

    /** Every value of the enum once, thresholds strictly falling in the enum's order, the last at 0. */
    private static <T extends Enum<T>> List<Threshold<T>> thresholds(String version, JsonNode node, String field, Class<T> type) {
        List<Threshold<T>> list = new ArrayList<>();
        for (JsonNode t : node) {
            list.add(new Threshold<>(Enum.valueOf(type, t.path(field).asText()), t.path("minScore").asInt(-1)));
        }
        T[] values = type.getEnumConstants();
        boolean ordered = list.size() == values.length;
        for (int i = 0; ordered && i < list.size(); i++) {
            ordered = list.get(i).value() == values[i] && (i == 0 || list.get(i).minScore() < list.get(i - 1).minScore());
        }
        if (!ordered || list.get(list.size() - 1).minScore() != 0) {
            throw new IllegalStateException(version + ": " + field + " thresholds must list " + List.of(values)
                    + " in order with falling minScore, the last 0");
        }
        return List.copyOf(list);
    }

    /** The baseline grade: what a subject with no record in force gets. */
    public Grade baseline(LocalDate asOf) {
        return grade(List.of(), asOf);
    }

    /**
     * Grades the records in force on {@code asOf} (the caller selects them, see {@link RecordsInForce}); records are
     * listed in the order given.
     */
    public Grade grade(List<CreditRecordDocument> inForce, LocalDate asOf) {
        Map<Dimension, List<Grade.Line>> lines = new EnumMap<>(Dimension.class);
        dimensions.forEach((d, rule) -> lines.computeIfAbsent(d, k -> new ArrayList<>())
                .add(new Grade.Line(Grade.LineKind.BASELINE, rule.baseline(), version + " " + d + " baseline",
                        null, null, null, null, null, null)));
        List<Grade.Limit> bounds = new ArrayList<>();
        for (CreditRecordDocument record : inForce) {
            Boolean objected = RecordsInForce.underObjection(record, asOf) ? Boolean.TRUE : null;
            String rule = version + " " + record.category() + (record.severity() != null && isPenalty(record) ? "." + record.severity() : "");
            for (Entry entry : entriesFor(record)) {
                lines.get(entry.dimension()).add(new Grade.Line(Grade.LineKind.RECORD, entry.points(), rule, record.recordId(),
                        record.category(), record.severity(), record.decisionDate(), record.decisionNumber(), objected));
            }
            Bound bound = limits.get(record.category());
            if (bound != null) {
                bounds.add(new Grade.Limit(record.recordId(), record.category(), bound.gradeNoBetterThan(), bound.riskClassAtLeast()));
            }
        }
        List<Grade.DimensionScore> scores = new ArrayList<>();
        int score = 0;
        for (Dimension d : Dimension.values()) {
            DimensionRule rule = dimensions.get(d);
            List<Grade.Line> own = lines.get(d);
            int raw = own.stream().mapToInt(Grade.Line::points).sum();
            int held = Math.max(0, Math.min(rule.max(), raw));
            if (held != raw) { // the bound is a line too, so the explanation still adds up
                own.add(new Grade.Line(Grade.LineKind.BOUND, held - raw, version + " " + d + " within 0.." + rule.max(),
                        null, null, null, null, null, null));
            }
            scores.add(new Grade.DimensionScore(d, rule.label(), rule.max(), held, List.copyOf(own)));
            score += held;
        }
        CreditGrade grade = byScore(grades, score);
        RiskClass riskClass = byScore(riskClasses, score);
        for (Grade.Limit limit : bounds) {
            grade = worse(grade, limit.gradeNoBetterThan());
            riskClass = worse(riskClass, limit.riskClassAtLeast());
        }
        return new Grade(asOf, version, score, grade, riskClass, inForce.size(), List.copyOf(scores), List.copyOf(bounds));
    }

    private List<Entry> entriesFor(CreditRecordDocument record) {
        if (isPenalty(record)) {
            // a penalty loaded before severities were required would have none: graded as GENERAL, the middle
            return points.get(record.category()).get(record.severity() != null ? record.severity() : Severity.GENERAL);
        }
        return anySeverity.get(record.category());
    }

    private static boolean isPenalty(CreditRecordDocument record) {
        return record.category() == CreditRecordCategory.ADMINISTRATIVE_PENALTY;
    }

    private static <T> T byScore(List<Threshold<T>> thresholds, int score) {
        return thresholds.stream().filter(t -> score >= t.minScore()).findFirst().orElseThrow().value();
    }

    /** A, B, C, D are worse the later they come, for grades and risk classes alike. */
    private static <T extends Enum<T>> T worse(T current, T bound) {
        return bound != null && bound.compareTo(current) > 0 ? bound : current;
    }
}
