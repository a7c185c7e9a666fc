package cn.dongcheng.platform.supervision.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The stored result of one drawn target (id {@code <taskId>:<uscc>}, as the target's), entered once by an inspector
 * of its team and published at once (一公开); {@code delivery} is its outbox entry for credit-service.
 *
 * @param department the task's lead department: it publishes the result and is credit-service's source department
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InspectionResult(String resultId, String taskId, String uscc, InspectionOutcome outcome, String details,
                               String inspectionEndDate, String publicationDeadline, String inspector, String department,
                               String enteredAt, String publishedAt, Delivery delivery) {

    InspectionResult withDelivery(Delivery next) {
        return new InspectionResult(resultId, taskId, uscc, outcome, details, inspectionEndDate, publicationDeadline, inspector,
                department, enteredAt, publishedAt, next);
    }
}
