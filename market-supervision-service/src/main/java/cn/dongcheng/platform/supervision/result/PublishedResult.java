package cn.dongcheng.platform.supervision.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A result as the public reads it (一公开): what was found, where (the entity's registered street and industry
 * section, public registration data) and by whom, without the delivery bookkeeping.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublishedResult(String resultId, String taskId, String uscc, InspectionOutcome outcome, String details,
                              String inspectionEndDate, String publicationDeadline, String inspector, String department,
                              String publishedAt, String streetCode, String industrySection) {

    static PublishedResult of(InspectionResult r) {
        return new PublishedResult(r.resultId(), r.taskId(), r.uscc(), r.outcome(), r.details(), r.inspectionEndDate(),
                r.publicationDeadline(), r.inspector(), r.department(), r.publishedAt(), r.streetCode(), r.industrySection());
    }
}
