package cn.dongcheng.platform.gateway.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Auditor endpoints the gateway serves itself (not routed to a service): a service's chain checked against the
 * gateway's anchors, and anchoring on demand. Access rules belong to the gateway's access matrix.
 */
@RestController
public class AuditChainController {

    private final ChainAnchors anchors;

    public AuditChainController(ChainAnchors anchors) {
        this.anchors = anchors;
    }

    @GetMapping("/api/audit/v1/audit-chains/{service}/verification")
    public Mono<ObjectNode> verification(@PathVariable String service,
                                         @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return anchors.verify(service, authorization);
    }

    @PostMapping("/api/audit/v1/audit-anchors")
    public Mono<List<ChainAnchors.Anchor>> anchorNow() {
        return anchors.anchorAll().collectList();
    }
}
