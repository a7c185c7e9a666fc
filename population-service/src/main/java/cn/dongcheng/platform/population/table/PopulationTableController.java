package cn.dongcheng.platform.population.table;

import cn.dongcheng.platform.common.security.CallerContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Population tables", description = "人口统计表: indicators × dimensions × filters × date, with disclosure control")
public class PopulationTableController {

    private final PopulationTables tables;

    public PopulationTableController(PopulationTables tables) {
        this.tables = tables;
    }

    @GetMapping("/v1/population-tables")
    @Operation(summary = "A population table with its margins and indicators, small counts suppressed",
            description = "dimensions: up to three of street, community, age, sex, category, hukouPlace. "
                    + "indicators: count (always), shares, pyramid (needs age and sex), dependencyRatios, ageingIndex, sexRatio, "
                    + "averageHouseholdSize, and for residents by street crudeBirthRate, crudeDeathRate, naturalIncreaseRate, "
                    + "inflow, outflow (events from 'from' to 'date'; by default the 12 months ending on 'date'). "
                    + "Cells below the threshold and the cells that would give them away are SUPPRESSED; unsuppressed=true "
                    + "is for statisticians only and audited.")
    public PopulationTable table(
            @Parameter(example = "count,sexRatio,dependencyRatios") @RequestParam(required = false) String indicators,
            @Parameter(example = "street,age,sex") @RequestParam(required = false) String dimensions,
            @Parameter(description = "single, five-year (default) or groups like 0-14,15-64,65+", example = "five-year")
            @RequestParam(required = false) String ageGroups,
            @Parameter(description = "the day counted (default today in Beijing)", example = "2020-11-01")
            @RequestParam(required = false) String date,
            @Parameter(description = "first day of the births, deaths and moves counted (default: a year before date, "
                    + "the day after)", example = "2019-11-02") @RequestParam(required = false) String from,
            @Parameter(description = "RESIDENT (default), REGISTERED, FLOATING or ALL") @RequestParam(required = false) String population,
            @Parameter(description = "street codes, comma-separated", example = "110101006,110101007")
            @RequestParam(required = false) String street,
            @Parameter(description = "communities of residence, comma-separated") @RequestParam(required = false) String community,
            @Parameter(description = "MALE or FEMALE") @RequestParam(required = false) String sex,
            @Parameter(description = "statisticians only: no disclosure control (audited)") @RequestParam(required = false) Boolean unsuppressed,
            CallerContext caller) {
        return tables.table(TableRequest.parse(new TableRequest.Parameters(indicators, dimensions, ageGroups, date, from,
                population, street, community, sex, unsuppressed), tables.today()), caller);
    }

    @GetMapping("/v1/population-tables:series")
    @Operation(summary = "A monthly series of population tables, each counted on the month's last day",
            description = "from, to: months (at most 60, not after this month); the other parameters as for one table, "
                    + "without date; the events of each month's table are those of the 12 months ending on its day. "
                    + "Each month's table is protected on its own.")
    public PopulationTableSeries series(@Parameter(example = "2020-01") @RequestParam(required = false) String from,
                                        @Parameter(example = "2020-12") @RequestParam(required = false) String to,
                                        @RequestParam(required = false) String indicators,
                                        @RequestParam(required = false) String dimensions,
                                        @RequestParam(required = false) String ageGroups,
                                        @RequestParam(required = false) String population,
                                        @RequestParam(required = false) String street,
                                        @RequestParam(required = false) String community,
                                        @RequestParam(required = false) String sex,
                                        @RequestParam(required = false) Boolean unsuppressed,
                                        CallerContext caller) {
        TableRequest request = TableRequest.parse(new TableRequest.Parameters(indicators, dimensions, ageGroups, null, null,
                population, street, community, sex, unsuppressed), tables.today());
        return tables.series(request, MonthRange.parse(from, to, tables.today()), caller);
    }
}
