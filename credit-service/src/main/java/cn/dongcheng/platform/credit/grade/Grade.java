package cn.dongcheng.platform.credit.grade;

import cn.dongcheng.platform.credit.publication.Severity;
import cn.dongcheng.platform.credit.record.CreditRecordCategory;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/**
 * A grade with its explanation: the score is the sum of the dimensions' points, each dimension's points the sum of
 * its lines (baseline, one line per record and rule entry, and the points held back at the dimension's bounds), so
 * the whole can be re-added by hand. {@code limits} name the records that bound the grade or risk class whatever the
 * score.
 *
 * @param asOf           the day the grade is in force on (records in their publication window that day)
 * @param ruleVersion    the scorecard file that gave the points
 * @param recordsInForce how many records counted
 */
public record Grade(LocalDate asOf, String ruleVersion, int score, CreditGrade grade, RiskClass riskClass, int recordsInForce,
                    List<DimensionScore> dimensions, List<Limit> limits) {

    /** One dimension: its label (遵纪守法 …), bounds, points and the lines that add up to them. */
    public record DimensionScore(Dimension dimension, String label, int max, int points, List<Line> lines) {
    }

    /** Where a line of points comes from. */
    public enum LineKind {
        /** the dimension's starting points */
        BASELINE,
        /** a record in force */
        RECORD,
        /** points held back so the dimension stays within 0..max */
        BOUND
    }

    /** One line of points; the record's fields only on {@link LineKind#RECORD} lines. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(LineKind kind, int points, String rule, String recordId, CreditRecordCategory category,
                       Severity severity, LocalDate decisionDate, String decisionNumber, Boolean underObjection) {
    }

    /** A record that bounds the grade ({@code gradeNoBetterThan}) or the risk class ({@code riskClassAtLeast}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Limit(String recordId, CreditRecordCategory category, CreditGrade gradeNoBetterThan,
                        RiskClass riskClassAtLeast) {
    }
}
