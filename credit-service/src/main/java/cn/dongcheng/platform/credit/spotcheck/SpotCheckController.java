package cn.dongcheng.platform.credit.spotcheck;

import cn.dongcheng.platform.common.security.CallerContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Spot-check results", description = "抽查检查结果 from market-supervision-service, stored as credit records")
public class SpotCheckController {

    private final SpotCheckIntake intake;

    public SpotCheckController(SpotCheckIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/v1/spot-check-results")
    @Operation(summary = "Accept inspection results", description = "Each result becomes a credit record of category "
            + "SPOT_CHECK_RESULT with id department:sourceId. Idempotent: a result delivered again is stored once and answered "
            + "200 with the same recordId and duplicate=true; a changed result replaces the record, keeping the old version "
            + "in its history. Any invalid result (field named as results[i].field) rejects the whole delivery: nothing stored.")
    public SpotCheckIntakeReport accept(@RequestBody SpotCheckResults body, @RequestParam(defaultValue = "false") boolean refresh,
                                        CallerContext caller) {
        return intake.accept(body, refresh, caller);
    }
}
