package cn.dongcheng.platform.supervision.result;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.elasticsearch.GuardedDocuments;
import cn.dongcheng.platform.common.elasticsearch.Versioned;
import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.problem.ConflictException;
import cn.dongcheng.platform.common.problem.ForbiddenException;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.problem.NotFoundException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.common.time.DistrictTime;
import cn.dongcheng.platform.common.time.WorkingDayCalendar;
import cn.dongcheng.platform.supervision.inspector.InspectorDirectory;
import cn.dongcheng.platform.supervision.task.DrawnTarget;
import cn.dongcheng.platform.supervision.task.DrawnTargets;
import cn.dongcheng.platform.supervision.task.SpotCheckTask;
import cn.dongcheng.platform.supervision.task.SpotCheckTasks;
import cn.dongcheng.platform.supervision.task.TargetAssignment;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;
import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static cn.dongcheng.platform.common.elasticsearch.Queries.asc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/**
 * Results of drawn targets (检查结果): entered once per target by an inspector of its team, published at once (一公开:
 * "whoever inspects enters and publishes", so there is no separate publication step to forget), with the publication
 * deadline of 20 working days after the inspection and an outbox entry for credit-service in the same document.
 */
@Service
public class InspectionResults {

    public static final IndexDefinition INDEX = IndexDefinition.of("spot-check-results");
    /** Inspections with problems that make an entity a repeated-problems warning. */
    static final int REPEATED = 2;

    private final SpotCheckTasks tasks;
    private final DrawnTargets targets;
    private final InspectorDirectory inspectors;
    private final InspectorAccounts accounts;
    private final WorkingDayCalendar calendar;
    private final GuardedDocuments documents;
    private final DocumentPages pages;
    private final ElasticsearchClient client;
    private final AuditTrail audit;
    private final Clock clock;
    private final String alias;

    public InspectionResults(SpotCheckTasks tasks, DrawnTargets targets, InspectorDirectory inspectors, InspectorAccounts accounts,
                             WorkingDayCalendar calendar, GuardedDocuments documents, DocumentPages pages, ElasticsearchClient client,
                             AuditTrail audit, Clock clock, IndexNames names) {
        this.tasks = tasks;
        this.targets = targets;
        this.inspectors = inspectors;
        this.accounts = accounts;
        this.calendar = calendar;
        this.documents = documents;
        this.pages = pages;
        this.client = client;
        this.audit = audit;
        this.clock = clock;
        this.alias = names.alias(INDEX.resource());
    }

    public PublishedResult enter(String taskId, String uscc, ResultInput input, CallerContext caller) {
        LocalDate today = today();
        ResultValidator.ValidResult valid = ResultValidator.validate(input, today);
        SpotCheckTask task = tasks.get(taskId);
        DrawnTarget target = targets.get(task.taskId(), uscc).map(v -> v.document())
                .orElseThrow(() -> new NotFoundException(uscc + " was not drawn in task " + task.taskId()));
        String badge = accounts.badgeOf(caller.actor());
        if (inspectors.find(badge).isEmpty()) {
            throw new ForbiddenException("the caller is not in the inspector directory");
        }
        TargetAssignment assignment = target.assignment();
        if (assignment == null) {
            throw new ConflictException("no inspectors are assigned to " + target.targetId() + " yet");
        }
        if (!assignment.inspectors().contains(badge)) {
            throw new ForbiddenException("inspector " + badge + " is not on the team of " + target.targetId());
        }
        LocalDate deadline;
        try {
            deadline = PublicationDeadline.after(valid.inspectionEndDate(), calendar);
        } catch (WorkingDayCalendar.YearNotCoveredException e) {
            throw new InvalidInputException("inspectionEndDate", e.getMessage());
        }
        String now = OffsetDateTime.now(clock).toString();
        InspectionResult result = new InspectionResult(target.targetId(), task.taskId(), target.uscc(), valid.outcome(), valid.details(),
                valid.inspectionEndDate().toString(), deadline.toString(), badge, task.department(), now, now, Delivery.pending(), target.riskClass(),
                target.streetCode(), target.industrySection(), today.isAfter(deadline));
        if (!documents.create(alias, result.resultId(), result)) {
            throw new ConflictException("the result of " + target.targetId() + " was entered already; it is never replaced");
        }
        audit.record(caller, "ENTER_RESULT", alias + "/" + result.resultId(), "ok", valid.outcome().name());
        return PublishedResult.of(result);
    }

    public PublishedResult get(String taskId, String uscc) {
        return pages.get(alias, DrawnTarget.id(taskId, uscc), InspectionResult.class).map(PublishedResult::of)
                .orElseThrow(() -> new NotFoundException("no result published for " + uscc + " in task " + taskId));
    }

    public Page<PublishedResult> ofTask(String taskId, PageRequest request) {
        return pages.page(alias, allOf(List.of(term("taskId", taskId))), List.of(asc("resultId")), request, InspectionResult.class)
                .map(PublishedResult::of);
    }

    /** Results credit-service has not accepted yet although their publication deadline has passed (预警: 逾期未公示). */
    public Page<InspectionResult> overdue(PageRequest request) {
        String today = today().toString();
        Query query = allOf(List.of(term("delivery.state", Delivery.State.PENDING.name()),
                Query.of(q -> q.range(r -> r.date(d -> d.field("publicationDeadline").lt(today))))));
        return pages.page(alias, query, List.of(asc("publicationDeadline"), asc("resultId")), request, InspectionResult.class);
    }

    /** An entity problems were found at in two or more inspections (预警: 多次发现问题). */
    public record RepeatedProblems(String uscc, long inspectionsWithProblems) {
    }

    public List<RepeatedProblems> repeatedProblems() {
        return call(() -> client.search(s -> s.index(alias).size(0).query(term("outcome", InspectionOutcome.PROBLEMS_FOUND.name()))
                .aggregations("entities", a -> a.terms(t -> t.field("uscc").minDocCount(REPEATED).size(1_000))), Void.class))
                .aggregations().get("entities").sterms().buckets().array().stream()
                .map((StringTermsBucket b) -> new RepeatedProblems(b.key().stringValue(), b.docCount())).toList();
    }

    /** Which of these targets have their result entered: those no longer count as open workload. */
    public Set<String> enteredFor(Collection<String> targetIds) {
        return pages.getAll(alias, targetIds, InspectionResult.class).keySet();
    }

    /** Results waiting for credit-service, oldest first. */
    public List<InspectionResult> pending(int max) {
        return pages.page(alias, term("delivery.state", Delivery.State.PENDING.name()), List.of(asc("enteredAt"), asc("resultId")),
                PageRequest.of(max, null), InspectionResult.class).items();
    }

    /**
     * Changes the outbox entry of one result, on exactly the version read; a result delivered meanwhile (another
     * relay) is left alone, since credit-service's idempotency made the second send harmless.
     */
    void updateDelivery(String resultId, UnaryOperator<Delivery> change) {
        Versioned<InspectionResult> read = documents.get(alias, resultId, InspectionResult.class).orElseThrow();
        if (read.document().delivery().state() == Delivery.State.DELIVERED) {
            return;
        }
        try {
            documents.replace(alias, read, read.document().withDelivery(change.apply(read.document().delivery())),
                    "outbox entry " + resultId + " changed");
        } catch (ConflictException e) {
            // another relay marked it in between
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DistrictTime.DEFAULT_ZONE));
    }
}
