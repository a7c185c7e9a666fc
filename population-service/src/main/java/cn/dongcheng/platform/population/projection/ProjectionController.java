package cn.dongcheng.platform.population.projection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Population projections", description = "人口预测: cohort-component projection and target-seeking scenario")
public class ProjectionController {

    private final ProjectionService projections;

    public ProjectionController(ProjectionService projections) {
        this.projections = projections;
    }

    @PostMapping("/v1/projections")
    @Operation(summary = "Cohort-component projection of the district, one street or each street, 5–50 years ahead",
            description = "Inputs in the body; whatever is left out comes from the register (base population) or the "
                    + "versioned reference (model mortality and fertility, sex ratio at birth). Aggregates only.")
    public ProjectionView project(@RequestBody(required = false) ProjectionRequest request) {
        return projections.project(request);
    }

    @PostMapping("/v1/projections:seek-target")
    @Operation(summary = "Target-seeking scenario: the constant annual net migration that reaches a total in a year",
            description = "Reports the gap to the baseline year by year; target.preset CORE_AREA applies the core "
                    + "area's 2035 or 2050 ratio to the area's base population.")
    public ProjectionScenarioView seekTarget(@RequestBody ProjectionScenarioRequest request) {
        return projections.seekTarget(request);
    }
}
