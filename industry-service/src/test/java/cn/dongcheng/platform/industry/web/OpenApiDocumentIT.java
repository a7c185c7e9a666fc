package cn.dongcheng.platform.industry.web;

import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.common.web.input.QueryParameters;
import cn.dongcheng.platform.industry.enterprise.EnterpriseController;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is one a client can be generated from: every operation's problem answers are typed, and every
 * query parameter an endpoint reads is documented by name. (Common web configuration; industry-service stands for
 * every service.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentIT extends ElasticsearchIntegrationTest {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;
    private JsonNode document;

    @BeforeEach
    void document() {
        HttpResponse<String> docs = new ApiClient(port).get("/v3/api-docs");
        assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
        document = ApiClient.json(docs);
    }

    @Test
    void everyOperationAnswersTypedProblems() {
        JsonNode problem = document.path("components").path("schemas").path("Problem");
        assertThat(problem.path("properties").fieldNames()).toIterable()
                .contains("type", "title", "status", "detail", "instance", "requestId", "errors");
        assertThat(problem.at("/properties/errors/items/properties").fieldNames()).toIterable().containsExactly("field", "reason");
        List<String> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            operations.add(op.getKey() + " " + path.getKey());
            for (String status : List.of("401", "403", "429", "503")) {
                JsonNode schema = op.getValue().path("responses").path(status).path("content").path("application/problem+json").path("schema");
                assertThat(schema.path("$ref").asText()).as("%s %s answers %s", op.getKey(), path.getKey(), status).isEqualTo(PROBLEM_REF);
            }
        }));
        assertThat(operations).contains("get /v1/enterprises/{uscc}", "post /v1/enterprises:bulk");
    }

    @Test
    void theSearchDocumentsEachFilterByName() throws NoSuchMethodException {
        JsonNode parameters = document.at("/paths/~1v1~1enterprises/get/parameters");
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.path("name").asText()));
        String[] filters = EnterpriseController.class.getMethod("search", Map.class, Integer.class, String.class,
                CallerContext.class).getAnnotation(QueryParameters.class).value();
        assertThat(names).contains(filters).contains("size", "cursor").doesNotContain("params", "filters");
        parameters.forEach(p -> assertThat(p.path("schema").path("type").asText()).as(p.toString()).isNotEqualTo("object"));
    }

    /** Every named {@code @RequestParam} and every {@link QueryParameters} name of every handler is in the document. */
    @Test
    void everyRequestParamIsDocumented() {
        DefaultParameterNameDiscoverer discoverer = new DefaultParameterNameDiscoverer();
        Set<String> missing = new HashSet<>();
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlers.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("cn.dongcheng.platform")) {
                continue;
            }
            Set<String> expected = new HashSet<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null && !Map.class.isAssignableFrom(parameter.getParameterType())) {
                    MethodParameter copy = parameter.clone();
                    copy.initParameterNameDiscovery(discoverer);
                    expected.add(param.name().isEmpty() ? copy.getParameterName() : param.name());
                }
            }
            QueryParameters accepted = handler.getMethodAnnotation(QueryParameters.class);
            if (accepted != null) {
                expected.addAll(List.of(accepted.value()));
            }
            for (String path : entry.getKey().getPatternValues()) {
                for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                    JsonNode operation = document.path("paths").path(path).path(method.name().toLowerCase());
                    if (operation.isMissingNode()) {
                        missing.add(method + " " + path + " (no operation)");
                        continue;
                    }
                    checked++;
                    Set<String> documented = new HashSet<>();
                    operation.path("parameters").forEach(p -> documented.add(p.path("name").asText()));
                    expected.stream().filter(name -> !documented.contains(name)).forEach(name -> missing.add(method + " " + path + " ?" + name));
                }
            }
        }
        assertThat(checked).isGreaterThan(5);
        assertThat(missing).isEmpty();
    }
}
