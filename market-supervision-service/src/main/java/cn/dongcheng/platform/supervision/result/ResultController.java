package cn.dongcheng.platform.supervision.result;

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

import java.util.List;

@RestController
@Tag(name = "Spot-check results", description = "检查结果 entered by the team and published at once (一公开), then sent to credit-service")
public class ResultController {

    private final InspectionResults results;

    public ResultController(InspectionResults results) {
        this.results = results;
    }

    @PostMapping("/v1/spot-check-tasks/{taskId}/targets/{uscc}/result")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enter and publish the result of one drawn target, once", description = "By an inspector of the "
            + "target's team (token account mapped to a badge). Outcome NO_PROBLEM_FOUND, PROBLEMS_FOUND (details required), "
            + "NOT_AT_REGISTERED_ADDRESS or CLOSED; the inspection end date sets the publication deadline (20 working days). "
            + "Not drawn: 404; not on the team or not in the directory: 403; not assigned or entered already: 409. Audited.")
    public PublishedResult enter(@Parameter(example = "2026-SCJG-B01") @PathVariable String taskId, @PathVariable String uscc,
                                 @RequestBody(required = false) ResultInput body, CallerContext caller) {
        return results.enter(taskId, uscc, body, caller);
    }

    @GetMapping("/v1/spot-check-tasks/{taskId}/targets/{uscc}/result")
    @Operation(summary = "The published result of one target (public)")
    public PublishedResult get(@PathVariable String taskId, @PathVariable String uscc) {
        return results.get(taskId, uscc);
    }

    @GetMapping("/v1/spot-check-tasks/{taskId}/results")
    @Operation(summary = "The published results of a task (public), cursor-paged")
    public Page<PublishedResult> ofTask(@PathVariable String taskId, @RequestParam(required = false) Integer size,
                                        @RequestParam(required = false) String cursor) {
        return results.ofTask(taskId, PageRequest.of(size, cursor));
    }

    @GetMapping("/v1/spot-check-results/overdue")
    @Operation(summary = "Early warning: results not yet accepted by credit-service past their publication deadline")
    public Page<InspectionResult> overdue(@RequestParam(required = false) Integer size, @RequestParam(required = false) String cursor) {
        return results.overdue(PageRequest.of(size, cursor));
    }

    @GetMapping("/v1/spot-check-results/repeated-problems")
    @Operation(summary = "Early warning: entities with problems found in two or more inspections")
    public List<InspectionResults.RepeatedProblems> repeatedProblems() {
        return results.repeatedProblems();
    }
}
