package cn.dongcheng.platform.industry.web;

import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's X-Forwarded-* headers are honoured where a service writes its own URLs (the OpenAPI document's server,
 * so "Try it out" goes through the gateway) and nowhere else: applied to every request they cost 70 % more CPU per
 * look-up. (Common web configuration; industry-service stands for every service.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ForwardedHeadersIT extends ElasticsearchIntegrationTest {

    private static final Map<String, String> FROM_GATEWAY = Map.of("X-Forwarded-Proto", "https",
            "X-Forwarded-Host", "data.dongcheng.example", "X-Forwarded-Port", "443", "X-Forwarded-Prefix", "/api/industry");

    @LocalServerPort
    int port;
    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void theOpenApiServerIsTheGatewaysAddress() {
        HttpResponse<String> docs = api.getWithToken("/v3/api-docs", null, FROM_GATEWAY);
        assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
        assertThat(ApiClient.json(docs).path("servers").get(0).path("url").asText())
                .isEqualTo("https://data.dongcheng.example/api/industry");
    }

    @Test
    void otherRequestsIgnoreTheForwardedHeaders() {
        HttpResponse<String> missing = api.getWithToken("/v1/enterprises/91110101MA0000000X", null, FROM_GATEWAY);
        assertThat(missing.statusCode()).as(missing.body()).isBetween(400, 499);
        assertThat(ApiClient.json(missing).path("instance").asText()).isEqualTo("/v1/enterprises/91110101MA0000000X");
    }
}
