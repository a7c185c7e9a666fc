package cn.dongcheng.platform.supervision.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The stored result of one drawn target (id {@code <taskId>:<uscc>}, as the target's), entered once by an inspector
 * of its team and published at once (一公开); {@code delivery} is its outbox entry for credit-service.
 *
 * @param department  the task's lead department: it publishes the result and is credit-service's source department
 * @param riskClass   the stratum the target was drawn in, copied from the target so oversight figures count results per
 *                    stratum in one aggregation (no join between indices)
 * @param streetCode  the target's street as the directory gave it when its pool was frozen, copied like the risk class
 *                    (findings rate by street in one aggregation)
 * @param industrySection the target's GB/T 4754 section then, likewise
 * @param enteredLate entered after its own publication deadline (逾期录入): fixed at entry, since comparing two fields of
 *                    a document at query time would take a script
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InspectionResult(String resultId, String taskId, String uscc, InspectionOutcome outcome, String details,
                               String inspectionEndDate, String publicationDeadline, String inspector, String department,
                               String enteredAt, String publishedAt, Delivery delivery, String riskClass,
                               String streetCode, String industrySection, Boolean enteredLate) {

    InspectionResult withDelivery(Delivery next) {
        return new InspectionResult(resultId, taskId, uscc, outcome, details, inspectionEndDate, publicationDeadline, inspector,
                department, enteredAt, publishedAt, next, riskClass, streetCode, industrySection, enteredLate);
    }
}
