package cn.dongcheng.platform.gateway.security;

import cn.dongcheng.platform.testing.AccessMatrixContract;
import cn.dongcheng.platform.gateway.Downstream;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static cn.dongcheng.platform.testing.AccessMatrixContract.Request.get;
import static cn.dongcheng.platform.testing.AccessMatrixContract.Request.postJson;

/**
 * The gateway's own endpoints, row by row of its matrix, with real tokens (routed requests are the services' to decide
 * and are walked in each service's AccessMatrixIT). No service is anchored here, so anchoring on demand answers an
 * empty list and a verification of an unknown chain 404 — both only after the matrix let the caller in. The routed
 * actuator rows reach a stand-in service that lets everyone in: what refuses is the gateway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "platform.audit.anchored-services=")
class GatewayAccessMatrixIT extends AccessMatrixContract {

    private static HttpServer industry;

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) throws IOException {
        industry = Downstream.start(exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        registry.add("spring.cloud.discovery.client.simple.instances.industry-service[0].uri", () -> Downstream.uri(industry));
    }

    @AfterAll
    static void stop() {
        industry.stop(0);
    }

    @Override
    protected Map<String, Example> serviceExamples() {
        return Map.of(
                "GET /webjars/**", Example.of(get("/webjars/swagger-ui/index.html")),
                "GET /api/audit/v1/audit-chains/{service}/verification",
                Example.of(get("/api/audit/v1/audit-chains/no-such-service/verification"), 404),
                "POST /api/audit/v1/audit-anchors", Example.of(postJson("/api/audit/v1/audit-anchors", "")),
                "GET /api/{domain}/actuator/health", Example.of(get("/api/industry/actuator/health")),
                "GET /api/{domain}/actuator/health/**", Example.of(get("/api/industry/actuator/health/readiness")),
                "GET /api/{domain}/actuator/prometheus", Example.of(get("/api/industry/actuator/prometheus")),
                "GET /api/{domain}/actuator/metrics/**", Example.of(get("/api/industry/actuator/metrics/jvm.threads.live")),
                "GET /api/{domain}/actuator/info", Example.of(get("/api/industry/actuator/info")));
    }
}
