package cn.dongcheng.platform.population.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@Tag(name = "Population statistics", description = "常住人口: counts and structure of the resident population")
public class PopulationStatisticsController {

    private final PopulationStatistics statistics;

    public PopulationStatisticsController(PopulationStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/v1/population-summaries")
    @Operation(summary = "Resident population of the district or a street: sex, age groups, dependency ratios, by street")
    public PopulationSummary summary(@Parameter(example = "110101006") @RequestParam(required = false) String streetCode,
                                     @Parameter(example = "2020-11-01") @RequestParam(required = false)
                                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return statistics.summary(streetCode, asOf);
    }
}
