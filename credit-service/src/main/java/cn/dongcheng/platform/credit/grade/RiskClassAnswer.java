package cn.dongcheng.platform.credit.grade;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/**
 * Risk classes of a batch, one result per distinct code in the order asked. A code with no record in force (clean, or
 * unknown to this service) gets the scorecard's baseline ({@code recordsInForce} 0). Asked with {@code classesOnly},
 * {@code results} is left out and {@code classes} holds the class of the i-th code asked (duplicates included) at
 * position i, e.g. {@code "BBAD"}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RiskClassAnswer(LocalDate asOf, String ruleVersion, List<Result> results, String classes) {

    /** One code: the SAMR risk class for supervision, and the grade and score it comes with. */
    public record Result(String uscc, RiskClass riskClass, CreditGrade grade, int score, int recordsInForce) {
    }
}
