package cn.dongcheng.platform.supervision.task;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.elasticsearch.GuardedDocuments;
import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.problem.ConflictException;
import cn.dongcheng.platform.common.problem.NotFoundException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.supervision.item.InspectionItem;
import cn.dongcheng.platform.supervision.item.InspectionItemCatalogue;
import cn.dongcheng.platform.supervision.plan.InspectionPlan;
import cn.dongcheng.platform.supervision.plan.InspectionPlans;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static cn.dongcheng.platform.common.elasticsearch.Queries.asc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/** Tasks (batches) of the annual plans: created once, with the item versions and the random sources they announce. */
@Service
public class SpotCheckTasks {

    public static final IndexDefinition INDEX = IndexDefinition.of("spot-check-tasks");
    private static final int SCAN_BATCH = 1_000;

    private final GuardedDocuments documents;
    private final DocumentPages pages;
    private final InspectionPlans plans;
    private final InspectionItemCatalogue catalogue;
    private final AuditTrail audit;
    private final Clock clock;
    private final String alias;

    public SpotCheckTasks(GuardedDocuments documents, DocumentPages pages, InspectionPlans plans, InspectionItemCatalogue catalogue,
                          AuditTrail audit, Clock clock, IndexNames names) {
        this.documents = documents;
        this.pages = pages;
        this.plans = plans;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
        this.alias = names.alias(INDEX.resource());
    }

    public SpotCheckTask create(String planId, TaskInput input, CallerContext caller) {
        InspectionPlan plan = plans.get(planId);
        SpotCheckTask task = TaskValidator.validate(input, plan, this::publishedItem, OffsetDateTime.now(clock), caller.actor());
        if (!documents.create(alias, task.taskId(), task)) {
            throw new ConflictException("task " + task.taskId() + " exists already: batch " + task.batch() + " of " + plan.planId());
        }
        audit.record(caller, "CREATE_TASK", alias + "/" + task.taskId(), "ok",
                task.items().stream().map(i -> i.code() + " v" + i.version()).toList() + (task.joint() ? " joint" : ""));
        return task;
    }

    private Optional<InspectionItem> publishedItem(String code) {
        try {
            return Optional.of(catalogue.get(code));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    public SpotCheckTask get(String taskId) {
        String key = taskId.trim().toUpperCase(Locale.ROOT);
        return pages.get(alias, key, SpotCheckTask.class).orElseThrow(() -> new NotFoundException("no spot-check task " + key));
    }

    /**
     * Every task of these plans that the department (by name, as tasks record it) takes part in: the tasks of its own
     * plan and the joint tasks of other departments' plans that hold one of its items (联合抽查), in task-id order.
     */
    public List<SpotCheckTask> ofPlansWithDepartment(Collection<String> planIds, String department) {
        List<SpotCheckTask> found = new ArrayList<>();
        if (planIds.isEmpty()) {
            return found;
        }
        Query query = allOf(List.of(Query.of(q -> q.terms(t -> t.field("planId").terms(v -> v.value(planIds.stream().map(FieldValue::of)
                .toList())))), term("departments", department)));
        pages.scan(alias, query, null, SCAN_BATCH, SpotCheckTask.class, found::addAll);
        found.sort(Comparator.comparing(SpotCheckTask::taskId));
        return found;
    }

    public Page<SpotCheckTask> ofPlan(String planId, PageRequest request) {
        InspectionPlan plan = plans.get(planId);
        return pages.page(alias, allOf(List.of(term("planId", plan.planId()))), List.of(asc("taskId")), request, SpotCheckTask.class);
    }
}
