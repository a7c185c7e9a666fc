package cn.dongcheng.platform.credit.workflow;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.elasticsearch.Versioned;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.problem.ConflictException;
import cn.dongcheng.platform.common.problem.ForbiddenException;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.problem.NotFoundException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;
import cn.dongcheng.platform.credit.record.CreditRecordsChanged;
import cn.dongcheng.platform.credit.record.SubjectType;
import org.springframework.context.ApplicationEventPublisher;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;

/**
 * Repair (信用修复) and objection (异议): the subject applies about its own record (identity from the token only), a
 * credit officer decides once. Every step is in the audit trail — a natural person's under their pseudonym, never
 * the number — including refusals of someone else's record.
 */
public class CreditWorkflow {

    static final int MAX_RECORD_ID = 201; // sourceDepartment:sourceId, each at most 100 characters

    private final ApplicationStore applications;
    private final RecordStatusChanges records;
    private final Transitions transitions;
    private final WorkflowRules rules;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CreditWorkflow(ApplicationStore applications, RecordStatusChanges records, WorkflowRules rules, AuditTrail audit, Clock clock,
                   ApplicationEventPublisher events) {
        this.events = events;
        this.applications = applications;
        this.records = records;
        this.transitions = new Transitions(rules);
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    public ApplicationView apply(ApplicationKind kind, String recordIdText, String statementText, String statementField,
                                 CallerContext caller) {
        String recordId = recordIdText == null ? null : recordIdText.strip();
        if (recordId == null || recordId.isEmpty() || recordId.length() > MAX_RECORD_ID) {
            throw new InvalidInputException("recordId", "is required: the record's id (sourceDepartment:sourceId), at most "
                    + MAX_RECORD_ID + " characters");
        }
        String statement = transitions.statement(statementField, statementText);
        CreditRecordDocument record = records.read(recordId).document();
        String action = kind + "_APPLY";
        requireOwn(caller, record.subjectType(), record.subjectId(), action, recordId);
        LocalDate today = LocalDate.now(clock);
        transitions.checkApplicable(kind, record, today);
        String now = OffsetDateTime.now(clock).toString();
        RecordStatus before = record.status() == null ? RecordStatus.PUBLIC : record.status();
        WorkflowApplication application = new WorkflowApplication(applications.nextId(recordId), kind, recordId,
                record.subjectType(), record.uscc(), record.idNumber(), statement, ApplicationState.APPLIED, today, now,
                caller.actor(), rules.dueBy(kind, today), rules.version(), before, null, null, null);
        applications.create(application);
        RecordStatus marked = transitions.statusWhileOpen(kind, before);
        if (marked != before) {
            records.setStatus(recordId, marked, today, now);
            events.publishEvent(new CreditRecordsChanged(Set.of(recordId)));
        }
        audited(caller, action, application, "ok", "record=" + recordId + " dueBy=" + application.dueBy());
        return ApplicationView.of(application, today);
    }

    public ApplicationView decide(ApplicationKind kind, String applicationId, DecisionInput input, CallerContext caller) {
        Versioned<WorkflowApplication> read = find(kind, applicationId);
        WorkflowApplication application = read.document();
        LocalDate today = LocalDate.now(clock);
        String now = OffsetDateTime.now(clock).toString();
        ApplicationState outcome;
        WorkflowApplication decided;
        try {
            outcome = transitions.decide(application, input);
            decided = application.decided(outcome, now, caller.actor(), input.reason().strip());
            applications.decide(read, decided); // the guard: of two decisions at once, one gets past here, the other a 409
        } catch (ConflictException refused) { // decided before, or a moment ago by someone else
            audited(caller, kind + "_DECIDE", application, "409", refused.getMessage());
            throw refused;
        }
        RecordStatus after = transitions.statusAfter(application, outcome);
        if (after != null) {
            records.setStatus(application.recordId(), after, today, now);
            events.publishEvent(new CreditRecordsChanged(Set.of(application.recordId())));
        }
        audited(caller, kind + "_DECIDE", decided, "ok", "decision=" + outcome + " record=" + application.recordId()
                + (after == null ? "" : " recordStatus=" + after));
        return ApplicationView.of(decided, today);
    }

    public ApplicationView get(ApplicationKind kind, String applicationId, CallerContext caller) {
        WorkflowApplication application = find(kind, applicationId).document();
        requireOwn(caller, application.subjectType(), application.subjectId(), kind + "_READ", application.applicationId());
        if (application.subjectType() == SubjectType.NATURAL_PERSON) {
            audited(caller, kind + "_READ", application, "ok", "application");
        }
        return ApplicationView.of(application, LocalDate.now(clock));
    }

    /** Officers' list; the views carry no natural person's identifier, the statements may: the list read is audited. */
    public Page<ApplicationView> list(ApplicationKind kind, ApplicationState state, boolean overdue, PageRequest page,
                                      CallerContext caller) {
        LocalDate today = LocalDate.now(clock);
        Page<WorkflowApplication> found = applications.list(kind, state, overdue, today, page);
        audit.record(caller, kind + "_LIST", applications.alias(), "ok", "overdue=" + overdue + " state=" + state
                + " shown=" + found.items().size());
        return found.map(a -> ApplicationView.of(a, today));
    }

    private Versioned<WorkflowApplication> find(ApplicationKind kind, String applicationId) {
        return applications.get(applicationId).filter(v -> v.document().kind() == kind)
                .orElseThrow(() -> new NotFoundException("no " + kind.name().toLowerCase(Locale.ROOT) + " application "
                        + applicationId));
    }

    /** Applicants act only on their own subject's records; a refusal is audited like any other access to the subject. */
    private void requireOwn(CallerContext caller, SubjectType type, String subjectId, String action, String resource) {
        try {
            caller.requireAllowedFor(subjectId);
        } catch (ForbiddenException refused) {
            if (type == SubjectType.NATURAL_PERSON) {
                audit.record(caller, "ACCESS_DENIED", applications.alias() + "/" + resource, subjectId, "403", action);
            } else {
                audit.record(caller, "ACCESS_DENIED", applications.alias() + "/" + resource, "403", action + " subject=" + subjectId);
            }
            throw refused.audited();
        }
    }

    private void audited(CallerContext caller, String action, WorkflowApplication application, String outcome, String detail) {
        String resource = applications.alias() + "/" + application.applicationId();
        if (application.subjectType() == SubjectType.NATURAL_PERSON) {
            audit.record(caller, action, resource, application.idNumber(), outcome, detail);
        } else {
            audit.record(caller, action, resource, outcome, detail + " subject=" + application.uscc());
        }
    }
}
