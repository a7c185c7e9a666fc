package cn.dongcheng.platform.credit.grade;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/**
 * A full grade recomputation and how far it got.
 *
 * @param subjects          legal persons recomputed and stored so far
 * @param subjectsPerSecond so far (or in all, once finished)
 * @param error             why it failed (state FAILED); the snapshots stored before stay valid
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GradeRecomputationView(String recomputationId, State state, LocalDate asOf, String ruleVersion, String requestedBy,
                                     String startedAt, String finishedAt, long subjects, long subjectsPerSecond, String error) {

    public enum State {
        RUNNING, DONE, FAILED
    }
}
