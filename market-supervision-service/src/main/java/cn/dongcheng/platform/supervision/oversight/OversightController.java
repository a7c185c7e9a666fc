package cn.dongcheng.platform.supervision.oversight;

import cn.dongcheng.platform.common.problem.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Oversight figures", description = "监督统计: coverage, achieved ratio, overdue and findings per plan, task and stratum")
public class OversightController {

    private final OversightService oversight;

    public OversightController(OversightService oversight) {
        this.oversight = oversight;
    }

    @GetMapping("/v1/oversight-figures")
    @Operation(summary = "Oversight figures of one plan", description = "Per task and risk-class stratum: pool size N, planned "
            + "sample n, drawn, results entered, coverage (drawn ÷ N), achieved ratio (entered ÷ n), findings rate "
            + "(PROBLEMS_FOUND ÷ entered), overdue and entered-late results; totals per task and plan. Regulators, auditors, "
            + "services. Unknown plan: 404.")
    public PlanFigures figures(@Parameter(example = "2026-SCJG") @RequestParam(required = false) String planId) {
        if (planId == null || planId.isBlank()) {
            throw new InvalidInputException("planId", "is required");
        }
        return oversight.ofPlan(planId);
    }
}
