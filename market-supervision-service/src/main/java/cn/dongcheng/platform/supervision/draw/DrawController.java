package cn.dongcheng.platform.supervision.draw;

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

import java.util.Map;

@RestController
@Tag(name = "Spot-check draws", description = "随机抽取: once per task, publicly verifiable (RFC 3797)")
public class DrawController {

    private final TaskDraws draws;

    public DrawController(TaskDraws draws) {
        this.draws = draws;
    }

    @PostMapping("/v1/spot-check-tasks/{taskId}/random-sources")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enter the values of the announced random sources", description = "Once, after the announced time, onto "
            + "a frozen pool; one array of non-negative integers per announced source, in order. Too early, a second time or "
            + "without a pool: 409. Regulators only; audited.")
    public RandomSourcesRecord enterSources(@Parameter(example = "2026-SCJG-B01") @PathVariable String taskId,
                                            @RequestBody(required = false) RandomSourcesInput body, CallerContext caller) {
        return draws.enterSources(taskId, body, caller);
    }

    @PostMapping("/v1/spot-check-tasks/{taskId}/draw")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draw the task's targets, exactly once", description = "RFC 3797 per risk-class stratum, n = ⌈ratio × N⌉ "
            + "within the bounds. Every attempt is logged; a second or concurrent one is refused with 409. Answers the "
            + "publication. Regulators only; audited.")
    public Map<String, Object> draw(@Parameter(example = "2026-SCJG-B01") @PathVariable String taskId, CallerContext caller) {
        return draws.draw(taskId, caller);
    }

    @GetMapping("/v1/spot-check-tasks/{taskId}/draw")
    @Operation(summary = "The published draw (一公开)", description = "Pool, digest, sources, key string, algorithm version and "
            + "each stratum's rule and selection: feed it to verify/verify_draw.py to check it offline.")
    public Map<String, Object> publication(@Parameter(example = "2026-SCJG-B01") @PathVariable String taskId) {
        return draws.publication(taskId);
    }

    @GetMapping("/v1/spot-check-tasks/{taskId}/draw/verification")
    @Operation(summary = "Recompute the draw from its published pool, sources and algorithm version")
    public DrawVerification verify(@Parameter(example = "2026-SCJG-B01") @PathVariable String taskId) {
        return draws.verify(taskId);
    }

    @GetMapping("/v1/spot-check-tasks/{taskId}/draw-attempts")
    @Operation(summary = "Every attempt to draw the task, with who, when and what came of it (全程留痕)")
    public Page<DrawAttempt> attempts(@PathVariable String taskId, @RequestParam(required = false) Integer size,
                                      @RequestParam(required = false) String cursor) {
        return draws.attempts(taskId, PageRequest.of(size, cursor));
    }
}
