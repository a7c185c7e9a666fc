package cn.dongcheng.platform.supervision.plan;

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
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static cn.dongcheng.platform.common.elasticsearch.Queries.asc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/** Departments' annual plans: created once per department and year, read by anyone (published). */
@Service
public class InspectionPlans {

    public static final IndexDefinition INDEX = IndexDefinition.of("inspection-plans");

    private final GuardedDocuments documents;
    private final DocumentPages pages;
    private final AuditTrail audit;
    private final Clock clock;
    private final String alias;

    public InspectionPlans(GuardedDocuments documents, DocumentPages pages, AuditTrail audit, Clock clock, IndexNames names) {
        this.documents = documents;
        this.pages = pages;
        this.audit = audit;
        this.clock = clock;
        this.alias = names.alias(INDEX.resource());
    }

    public InspectionPlan create(PlanInput input, CallerContext caller) {
        InspectionPlan plan = PlanValidator.validate(input, LocalDate.now(clock).getYear(), OffsetDateTime.now(clock).toString(),
                caller.actor());
        if (!documents.create(alias, plan.planId(), plan)) {
            throw new ConflictException("plan " + plan.planId() + " exists already: one annual plan per department and year");
        }
        audit.record(caller, "CREATE_PLAN", alias + "/" + plan.planId(), "ok", plan.department() + " " + plan.year());
        return plan;
    }

    public InspectionPlan get(String planId) {
        String key = planId.trim().toUpperCase(Locale.ROOT);
        return pages.get(alias, key, InspectionPlan.class).orElseThrow(() -> new NotFoundException("no inspection plan " + key));
    }

    public Page<InspectionPlan> list(Integer year, String departmentCode, PageRequest request) {
        List<Query> filter = new ArrayList<>();
        if (year != null) {
            filter.add(Query.of(q -> q.term(t -> t.field("year").value(year))));
        }
        if (departmentCode != null) {
            filter.add(term("departmentCode", departmentCode.trim().toUpperCase(Locale.ROOT)));
        }
        return pages.page(alias, allOf(filter), List.of(asc("planId")), request, InspectionPlan.class);
    }
}
