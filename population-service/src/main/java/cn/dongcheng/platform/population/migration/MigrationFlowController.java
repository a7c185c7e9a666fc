package cn.dongcheng.platform.population.migration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@Tag(name = "Migration flows", description = "人口迁移流向: moves between the 17 streets and in/out of the district")
public class MigrationFlowController {

    private final MigrationFlows flows;

    public MigrationFlowController(MigrationFlows flows) {
        this.flows = flows;
    }

    @GetMapping("/v1/migration-flows")
    @Operation(summary = "Origin–destination matrix of moves in a period", description = "Rows are origins, columns "
            + "destinations, in `areas` order (the 17 street codes, then OUTSIDE); counted from the changes of residence "
            + "in the persons' source records. Both dates included; at most 20 years.")
    public MigrationFlowMatrix flows(@Parameter(example = "2020-01-01") @RequestParam(required = false)
                                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @Parameter(example = "2020-12-31") @RequestParam(required = false)
                                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return flows.between(from, to);
    }
}
