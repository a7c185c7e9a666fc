package cn.dongcheng.platform.supervision.assignment;

import cn.dongcheng.platform.common.security.CallerContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Inspector assignment", description = "随机选派执法检查人员: reproducible from the draw's published seed")
public class AssignmentController {

    private final TaskAssignments assignments;

    public AssignmentController(TaskAssignments assignments) {
        this.assignments = assignments;
    }

    @PostMapping("/v1/spot-check-tasks/{taskId}/assignment")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Assign inspectors to every drawn target, once", description = "Teams of two from the departments of "
            + "the task, one qualified for each item, no declared conflict, not last time's inspectors, within workload caps "
            + "and balanced; ties broken from the draw's key string. Infeasible: 409 with `violations` naming the failing "
            + "constraint per target, nothing written. Not drawn or assigned already: 409. Regulators only; audited.")
    public TaskAssignmentRecord assign(@Parameter(example = "2026-SCJG-B01") @PathVariable String taskId, CallerContext caller) {
        return assignments.assign(taskId, caller);
    }

    @GetMapping("/v1/spot-check-tasks/{taskId}/assignment")
    @Operation(summary = "The task's assignment: the seed and every team")
    public TaskAssignmentRecord get(@Parameter(example = "2026-SCJG-B01") @PathVariable String taskId) {
        return assignments.get(taskId);
    }
}
