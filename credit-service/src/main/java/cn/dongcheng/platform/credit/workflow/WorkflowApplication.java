package cn.dongcheng.platform.credit.workflow;

import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.record.SubjectType;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/**
 * An application as stored in {@code credit-applications}. The subject's identifier is kept (the applicant's own
 * check and audit pseudonym need it) but never shown: see {@link ApplicationView}. {@code dueBy} is null when the
 * working-day calendar does not yet cover the days counted.
 *
 * @param statement          the credit commitment (repair) or the grounds (objection)
 * @param recordStatusBefore the record's stored status when the application was filed; an objection rejected restores it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowApplication(String applicationId, ApplicationKind kind, String recordId, SubjectType subjectType,
                                  String uscc, String idNumber, String statement, ApplicationState state, LocalDate appliedOn,
                                  String appliedAt, String appliedBy, LocalDate dueBy, String ruleVersion,
                                  RecordStatus recordStatusBefore, String decidedAt, String decidedBy, String reason) {

    public String subjectId() {
        return uscc != null ? uscc : idNumber;
    }

    /** Undecided and past its due day. */
    public boolean overdueOn(LocalDate today) {
        return state == ApplicationState.APPLIED && dueBy != null && today.isAfter(dueBy);
    }

    WorkflowApplication decided(ApplicationState outcome, String decidedAt, String decidedBy, String reason) {
        return new WorkflowApplication(applicationId, kind, recordId, subjectType, uscc, idNumber, statement, outcome, appliedOn,
                appliedAt, appliedBy, dueBy, ruleVersion, recordStatusBefore, decidedAt, decidedBy, reason);
    }
}
