package cn.dongcheng.platform.credit.grade;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A legal person's stored grade (信用评价结果) in {@code credit-grades}, one document per code: the grade computed for
 * {@code asOf} with its explanation, good for every day until {@code validUntil} (exclusive; null: until a record of
 * the subject changes), since only a record written or a date of {@link RecordsInForce#nextChange} can change it.
 * {@code points} repeats each dimension's points as searchable fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GradeSnapshot(String uscc, int score, CreditGrade grade, RiskClass riskClass, String ruleVersion, LocalDate asOf,
                            LocalDate validUntil, int recordsInForce, Map<Dimension, Integer> points,
                            List<Grade.DimensionScore> dimensions, List<Grade.Limit> limits, String computedAt) {

    static GradeSnapshot of(String uscc, Grade grade, LocalDate validUntil, String computedAt) {
        Map<Dimension, Integer> points = new EnumMap<>(Dimension.class);
        grade.dimensions().forEach(d -> points.put(d.dimension(), d.points()));
        return new GradeSnapshot(uscc, grade.score(), grade.grade(), grade.riskClass(), grade.ruleVersion(), grade.asOf(), validUntil,
                grade.recordsInForce(), points, grade.dimensions(), grade.limits(), computedAt);
    }

    /** Whether this is the grade in force on {@code day} under the scorecard {@code ruleVersion}. */
    boolean validOn(LocalDate day, String ruleVersion) {
        return ruleVersion.equals(this.ruleVersion) && asOf != null && !day.isBefore(asOf)
                && (validUntil == null || day.isBefore(validUntil));
    }

    /** The grade as answered for {@code day} (within the validity); without its lines when read as a summary. */
    Grade on(LocalDate day) {
        return new Grade(day, ruleVersion, score, grade, riskClass, recordsInForce, dimensions, limits);
    }
}
