package cn.dongcheng.platform.supervision.oversight;

import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.problem.NotFoundException;
import cn.dongcheng.platform.common.time.DistrictTime;
import cn.dongcheng.platform.supervision.plan.InspectionPlan;
import cn.dongcheng.platform.supervision.plan.InspectionPlans;
import cn.dongcheng.platform.supervision.pool.FrozenPoolRecord;
import cn.dongcheng.platform.supervision.pool.TaskPools;
import cn.dongcheng.platform.supervision.task.SpotCheckTask;
import cn.dongcheng.platform.supervision.task.SpotCheckTasks;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Oversight figures of a plan, or of a department's year: the tasks, their frozen pools (N, planned n) and the counts of
 * two aggregations.
 */
@Service
public class OversightService {

    private final InspectionPlans plans;
    private final SpotCheckTasks tasks;
    private final TaskPools pools;
    private final OversightCounts counts;
    private final Clock clock;

    public OversightService(InspectionPlans plans, SpotCheckTasks tasks, TaskPools pools, OversightCounts counts, Clock clock) {
        this.plans = plans;
        this.tasks = tasks;
        this.pools = pools;
        this.counts = counts;
        this.clock = clock;
    }

    public PlanFigures ofPlan(String planId) {
        InspectionPlan plan = plans.get(planId);
        return figures(OversightFigures.Scope.plan(plan.planId()),
                all(cursor -> tasks.ofPlan(plan.planId(), PageRequest.of(PageRequest.MAX_SIZE, cursor))));
    }

    /**
     * A department's year: the tasks of its plan of that year and the joint tasks of other departments' plans of that
     * year it takes part in. 404 when the department has no plan that year (its name is known only from its plan).
     */
    public PlanFigures ofDepartmentYear(String departmentCode, int year) {
        String code = departmentCode.trim().toUpperCase(Locale.ROOT);
        List<InspectionPlan> ofYear = all(cursor -> plans.list(year, null, PageRequest.of(PageRequest.MAX_SIZE, cursor)));
        InspectionPlan own = ofYear.stream().filter(p -> p.departmentCode().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("department " + code + " has no inspection plan in " + year));
        List<String> planIds = ofYear.stream().map(InspectionPlan::planId).toList();
        return figures(OversightFigures.Scope.departmentYear(code, year), tasks.ofPlansWithDepartment(planIds, own.department()));
    }

    private PlanFigures figures(OversightFigures.Scope scope, List<SpotCheckTask> ofScope) {
        LocalDate today = LocalDate.now(clock.withZone(DistrictTime.DEFAULT_ZONE));
        List<String> taskIds = ofScope.stream().map(SpotCheckTask::taskId).toList();
        OversightCounts.Counted counted = counts.of(taskIds, today);
        Map<String, FrozenPoolRecord> frozen = pools.strataOf(taskIds);
        List<TaskFigures> figures = new ArrayList<>();
        for (SpotCheckTask task : ofScope) {
            FrozenPoolRecord pool = frozen.get(task.taskId());
            Map<String, Integer> poolSizes = new LinkedHashMap<>();
            if (pool != null) {
                pool.strata().forEach((stratum, codes) -> poolSizes.put(stratum, codes.size()));
            }
            figures.add(OversightFigures.task(task.taskId(), poolSizes, pool == null ? Map.of() : pool.sampleSizes(),
                    counted.strata().getOrDefault(task.taskId(), Map.of())));
        }
        return OversightFigures.plan(scope, today.toString(), figures, counted.bySection(), counted.byStreet());
    }

    /** Every item of a paged listing. */
    private static <T> List<T> all(Function<String, Page<T>> page) {
        List<T> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> next = page.apply(cursor);
            all.addAll(next.items());
            cursor = next.nextCursor();
        } while (cursor != null);
        return all;
    }
}
