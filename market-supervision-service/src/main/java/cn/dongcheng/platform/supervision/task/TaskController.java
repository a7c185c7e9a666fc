package cn.dongcheng.platform.supervision.task;

import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.security.CallerContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Spot-check tasks", description = "抽查任务: batches of a plan, single or joint (进一次门、查多项事)")
public class TaskController {

    private final SpotCheckTasks tasks;
    private final DrawnTargets targets;

    public TaskController(SpotCheckTasks tasks, DrawnTargets targets) {
        this.tasks = tasks;
        this.targets = targets;
    }

    @PostMapping("/v1/inspection-plans/{planId}/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a task (one batch) of a plan", description = "Needs a legal basis and published items (their "
            + "current versions are recorded; items of several departments make a joint task), target filters, optional "
            + "per-class ratios within 0–1 (a general item's ratio caps them), and the public random sources announced now "
            + "with the time after which their values may be entered. Regulators only; audited.")
    public SpotCheckTask create(@Parameter(example = "2026-SCJG") @PathVariable String planId,
                                @RequestBody(required = false) TaskInput body, CallerContext caller) {
        return tasks.create(planId, body, caller);
    }

    @GetMapping("/v1/inspection-plans/{planId}/tasks")
    @Operation(summary = "The tasks of a plan, cursor-paged")
    public Page<SpotCheckTask> ofPlan(@PathVariable String planId, @RequestParam(required = false) Integer size,
                                      @RequestParam(required = false) String cursor) {
        return tasks.ofPlan(planId, PageRequest.of(size, cursor));
    }

    @GetMapping("/v1/spot-check-tasks/{taskId}")
    @Operation(summary = "One task as announced (published): items and versions, filters, the random sources and their time")
    public SpotCheckTask get(@Parameter(example = "2026-SCJG-B01") @PathVariable String taskId) {
        return tasks.get(taskId);
    }

    @GetMapping("/v1/spot-check-tasks/{taskId}/targets")
    @Operation(summary = "The drawn targets of a task, cursor-paged", description = "One per selected entity, with its risk "
            + "class, the task's items and departments; inspectors are attached to these by the assignment step.")
    public Page<DrawnTarget> targets(@PathVariable String taskId, @RequestParam(required = false) Integer size,
                                     @RequestParam(required = false) String cursor) {
        return targets.ofTask(tasks.get(taskId).taskId(), PageRequest.of(size, cursor));
    }
}
