package cn.dongcheng.platform.population.projection;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Body of {@code POST /v1/projections}. Everything is optional: what is left out comes from the register (the base
 * population) or the versioned reference (mortality, fertility, sex ratio at birth) — or, with {@code ratesFrom:
 * RECORDS}, mortality and fertility estimated from the register; migration defaults to none.
 * Vectors run over the age groups: {@code openAge/ageGroupWidth + 1} values, the last the open-ended group.
 */
public record ProjectionRequest(
        @Schema(description = "Base year; default this year in Beijing", example = "2020") Integer baseYear,
        @Schema(description = "Years ahead, 5–50, a multiple of the age-group width; default 30", example = "30") Integer horizonYears,
        @Schema(description = "1 or 5 (= the step length); default 1", example = "1") Integer ageGroupWidth,
        @Schema(description = "Start of the open-ended last group, 50–120, a multiple of the width; default 100", example = "100") Integer openAge,
        @Schema(description = "One street (110101001–110101017); none = the district", example = "110101006") String streetCode,
        @Schema(description = "Project each of the 17 streets and the district (base population from the register)") Boolean eachStreet,
        @Schema(description = "Base population by age group and sex; default: residents in the register") AgeSexVector basePopulation,
        @Schema(description = "Life table per sex; default: the reference's model table") Mortality mortality,
        @Schema(description = "Age-specific fertility; default: the reference's model schedule") Fertility fertility,
        @Schema(description = "Boys per 100 girls, 80–130; default 105", example = "105") Double sexRatioAtBirth,
        @Schema(description = "Annual net migrants (in − out) by age group and sex; default none") AgeSexVector netMigration,
        @Schema(description = "Where mortality and fertility not supplied come from: MODEL (default; the reference's "
                + "model schedules) or RECORDS (estimated from the deaths and births registered in the 12 months up to the "
                + "counting day, against the register's residents)", example = "RECORDS") String ratesFrom) {

    /** One value per age group for each sex. */
    public record AgeSexVector(double[] male, double[] female) {
    }

    public record Mortality(SexMortality male, SexMortality female) {
    }

    /** Either death rates nm(x) (the open group's &gt; 0) or person-years nL(x) for a radix (default 100,000). */
    public record SexMortality(double[] deathRates, double[] personYearsLived, Double radix) {
    }

    /** Annual births per woman in each age group from {@code firstAge} (a multiple of the width, ≥ 10) on. */
    public record Fertility(@Schema(example = "15") Integer firstAge, double[] rates) {
    }
}
