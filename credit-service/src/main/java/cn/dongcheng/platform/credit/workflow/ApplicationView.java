package cn.dongcheng.platform.credit.workflow;

import cn.dongcheng.platform.credit.record.SubjectType;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/**
 * An application as the API shows it: a legal person's code, never a natural person's ID number (the record id leads
 * to the record, shown masked by the record views); {@code overdue} as of today.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationView(String applicationId, ApplicationKind kind, String recordId, SubjectType subjectType, String uscc,
                              String statement, ApplicationState state, LocalDate appliedOn, String appliedAt, LocalDate dueBy,
                              boolean overdue, String ruleVersion, String decidedAt, String decidedBy, String reason) {

    static ApplicationView of(WorkflowApplication a, LocalDate today) {
        return new ApplicationView(a.applicationId(), a.kind(), a.recordId(), a.subjectType(), a.uscc(), a.statement(), a.state(),
                a.appliedOn(), a.appliedAt(), a.dueBy(), a.overdueOn(today), a.ruleVersion(), a.decidedAt(), a.decidedBy(),
                a.reason());
    }
}
