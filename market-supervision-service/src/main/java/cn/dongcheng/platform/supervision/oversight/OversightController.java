package cn.dongcheng.platform.supervision.oversight;

import cn.dongcheng.platform.common.problem.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;

@RestController
@Tag(name = "Oversight figures", description = "监督统计: coverage, achieved ratio, overdue and findings per plan, task, stratum, industry and street")
public class OversightController {

    private static final String DEPARTMENT_CODE = "[A-Z0-9]{2,16}";

    private final OversightService oversight;

    public OversightController(OversightService oversight) {
        this.oversight = oversight;
    }

    @GetMapping("/v1/oversight-figures")
    @Operation(summary = "Oversight figures of one plan, or of a department's year", description = "Either planId, or department "
            + "and year (the department's own plan of that year and the joint tasks of other plans it takes part in). Per task "
            + "and risk-class stratum: pool size N, planned sample n, drawn, results entered, coverage (drawn ÷ N), achieved "
            + "ratio (entered ÷ n), findings rate (PROBLEMS_FOUND ÷ entered), overdue and entered-late results; totals; and "
            + "drawn, entered, problems found and findings rate per industry section and per street. Regulators, auditors, "
            + "services. Unknown plan, or a department without a plan that year: 404.")
    public PlanFigures figures(@Parameter(example = "2026-SCJG") @RequestParam(required = false) String planId,
                               @Parameter(example = "SCJG") @RequestParam(required = false) String department,
                               @Parameter(example = "2026") @RequestParam(required = false) String year) {
        boolean byPlan = planId != null && !planId.isBlank();
        boolean byDepartment = department != null || year != null;
        if (byPlan && byDepartment) {
            throw new InvalidInputException("planId", "give either planId or department and year, not both");
        }
        if (byPlan) {
            return oversight.ofPlan(planId);
        }
        if (!byDepartment) {
            throw new InvalidInputException("planId", "is required (or department and year)");
        }
        String code = department == null ? "" : department.trim().toUpperCase(Locale.ROOT);
        if (!code.matches(DEPARTMENT_CODE)) {
            throw new InvalidInputException("department", "must be a department code of 2–16 letters or digits, as in plan ids");
        }
        return oversight.ofDepartmentYear(code, year(year));
    }

    private static int year(String year) {
        if (year == null || !year.trim().matches("\\d{4}")) {
            throw new InvalidInputException("year", "is required with department, as four digits");
        }
        return Integer.parseInt(year.trim());
    }
}
