package cn.dongcheng.platform.supervision.pool;

import cn.dongcheng.platform.common.security.CallerContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Spot-check pools", description = "检查对象名录库 snapshot: frozen and published before the random sources are known")
public class PoolController {

    private final TaskPools pools;
    private final PoolMapper mapper;

    public PoolController(TaskPools pools, PoolMapper mapper) {
        this.pools = pools;
        this.mapper = mapper;
    }

    @PostMapping("/v1/spot-check-tasks/{taskId}/pool")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Build and freeze the task's pool", description = "Streams industry-service's directory with the task's "
            + "filters, leaves out entities inside an item's frequency window, stratifies by credit-service's risk classes and "
            + "publishes the SHA-256 digest. Once per task (409 after), and only before the sources' announced time (409 after). "
            + "Regulators only; audited.")
    public PublishedPool freeze(@Parameter(example = "2026-SCJG-B01") @PathVariable String taskId, CallerContext caller) {
        return mapper.toPublished(pools.freeze(taskId, caller));
    }

    @GetMapping("/v1/spot-check-tasks/{taskId}/pool")
    @Operation(summary = "The frozen pool (published)", description = "Codes per stratum in draw order, the digest, each stratum's "
            + "rule and sample size, what was left out and why.")
    public PublishedPool get(@Parameter(example = "2026-SCJG-B01") @PathVariable String taskId) {
        return mapper.toPublished(pools.get(taskId));
    }
}
