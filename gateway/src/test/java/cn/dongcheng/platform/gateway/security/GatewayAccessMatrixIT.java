package cn.dongcheng.platform.gateway.security;

import cn.dongcheng.platform.common.testing.AccessMatrixContract;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.Map;

import static cn.dongcheng.platform.common.testing.AccessMatrixContract.Request.get;
import static cn.dongcheng.platform.common.testing.AccessMatrixContract.Request.postJson;

/**
 * The gateway's own endpoints, row by row of its matrix, with real tokens (routed requests are the services' to decide
 * and are walked in each service's AccessMatrixIT). No service is anchored here, so anchoring on demand answers an
 * empty list and a verification of an unknown chain 404 — both only after the matrix let the caller in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "platform.audit.anchored-services=")
class GatewayAccessMatrixIT extends AccessMatrixContract {

    @Override
    protected Map<String, Example> serviceExamples() {
        return Map.of(
                "GET /webjars/**", Example.of(get("/webjars/swagger-ui/index.html")),
                "GET /api/audit/v1/audit-chains/{service}/verification",
                Example.of(get("/api/audit/v1/audit-chains/no-such-service/verification"), 404),
                "POST /api/audit/v1/audit-anchors", Example.of(postJson("/api/audit/v1/audit-anchors", "")));
    }
}
