package cn.dongcheng.platform.supervision.item;

import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.FaultyProxy;
import cn.dongcheng.platform.testing.TestElasticsearch;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;

import static cn.dongcheng.platform.testing.ApiClient.json;
import static cn.dongcheng.platform.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator meets when Elasticsearch fails under a running service: readiness goes DOWN naming elasticsearch
 * while liveness stays UP (a restart would not help), and requests answer a 503 problem naming the dependency —
 * whether the node is unreachable or answers 503 itself (shards recovering).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DependencyFaultsIT {

    static final FaultyProxy ELASTICSEARCH = new FaultyProxy(TestElasticsearch.uri());

    @LocalServerPort
    int port;

    /** As {@link ElasticsearchIntegrationTest}, but through the proxy (a subclass cannot override its node URI). */
    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) {
        ElasticsearchIntegrationTest.register(registry, ELASTICSEARCH.uri());
    }

    @AfterEach
    void heal() {
        ELASTICSEARCH.mode(FaultyProxy.Mode.FORWARD);
    }

    @AfterAll
    static void stop() {
        ELASTICSEARCH.close();
    }

    @Test
    void readinessIncludesElasticsearchLivenessDoesNot() {
        ApiClient api = new ApiClient(port);
        assertThat(json(api.get("/actuator/health/readiness")).path("components").path("elasticsearch").path("status").asText())
                .isEqualTo("UP");

        ELASTICSEARCH.mode(FaultyProxy.Mode.CLOSED);
        HttpResponse<String> readiness = api.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(json(readiness).path("components").path("elasticsearch").path("status").asText()).as(readiness.body()).isEqualTo("DOWN");
        HttpResponse<String> liveness = api.get("/actuator/health/liveness");
        assertThat(liveness.statusCode()).as(liveness.body()).isEqualTo(200);
        assertThat(json(liveness).path("status").asText()).isEqualTo("UP");
        assertThat(json(api.get("/actuator/health")).path("components").path("elasticsearch").path("status").asText()).isEqualTo("DOWN");
    }

    @Test
    void anUnreachableElasticsearchIsA503ProblemNamingIt() {
        ELASTICSEARCH.mode(FaultyProxy.Mode.CLOSED);
        assertUnavailable(new ApiClient(port).get("/v1/inspection-items/DC-SCJG-001"));
        assertUnavailable(new ApiClient(port).get("/v1/inspection-items?keyItem=true"));
    }

    @Test
    void elasticsearchsOwn503IsA503ProblemNamingIt() {
        ELASTICSEARCH.mode(FaultyProxy.Mode.UNAVAILABLE);
        assertUnavailable(new ApiClient(port).get("/v1/inspection-items/DC-SCJG-001"));
        assertUnavailable(new ApiClient(port).get("/v1/inspection-items?keyItem=true"));
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        JsonNode problem = assertProblem(response, 503);
        assertThat(problem.path("dependency").asText()).isEqualTo("elasticsearch");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(problem.path("detail").asText()).as("no internal address").doesNotContain("127.0.0.1").doesNotContain("Exception");
    }
}
