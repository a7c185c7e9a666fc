package cn.dongcheng.platform.population.projection;

import cn.dongcheng.platform.population.projection.ProjectionRequest.AgeSexVector;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /v1/projections:seek-target}: a projection of one area, a target and a migration profile. */
public record ProjectionScenarioRequest(
        ProjectionRequest projection,
        Target target,
        @Schema(description = "Non-negative weights by age group and sex for the extra migrants; default the base "
                + "population's own structure (everyone equally likely to move)") AgeSexVector migrationProfile) {

    /** A total for a step year, or {@code preset: CORE_AREA} with year 2035 or 2050 (the core area's ratio). */
    public record Target(@Schema(example = "2035") Integer year, Double total,
                         @Schema(example = "CORE_AREA") String preset) {
    }
}
