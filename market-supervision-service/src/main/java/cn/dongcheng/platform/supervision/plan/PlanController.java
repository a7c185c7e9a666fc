package cn.dongcheng.platform.supervision.plan;

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
@Tag(name = "Spot-check plans", description = "年度抽查计划: each department's annual plan, drawn batch by batch")
public class PlanController {

    private final InspectionPlans plans;

    public PlanController(InspectionPlans plans) {
        this.plans = plans;
    }

    @PostMapping("/v1/inspection-plans")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a department's annual plan", description = "One per department and year (id "
            + "<year>-<departmentCode>); a second is a 409. Regulators only; audited.")
    public InspectionPlan create(@RequestBody(required = false) PlanInput body, CallerContext caller) {
        return plans.create(body, caller);
    }

    @GetMapping("/v1/inspection-plans/{planId}")
    @Operation(summary = "One annual plan (published)")
    public InspectionPlan get(@Parameter(example = "2026-SCJG") @PathVariable String planId) {
        return plans.get(planId);
    }

    @GetMapping("/v1/inspection-plans")
    @Operation(summary = "Annual plans, by year or department, cursor-paged")
    public Page<InspectionPlan> list(@RequestParam(required = false) Integer year,
                                     @RequestParam(required = false) String departmentCode,
                                     @RequestParam(required = false) Integer size,
                                     @RequestParam(required = false) String cursor) {
        return plans.list(year, departmentCode, PageRequest.of(size, cursor));
    }
}
