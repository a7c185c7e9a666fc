package cn.dongcheng.platform.testing;

import cn.dongcheng.platform.common.security.Access;
import cn.dongcheng.platform.common.security.AccessMatrix;
import cn.dongcheng.platform.common.security.CallerRole;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks a service's access matrix — the very file the service enforces — row by row and role by role through real
 * HTTP with real tokens: a refused cell answers 401 (no token) or 403 as a problem; an allowed cell answers with
 * success and shows personal data in full; a masked cell masks it; an own cell serves the caller's own subject in full
 * and refuses anyone else's; own/masked masks anyone else's. A service's test supplies one example request per row;
 * a row without one fails, so a new endpoint cannot skip its row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@AutoConfigureObservability(tracing = false) // the Prometheus endpoint has a row too; tests switch it off by default
public abstract class AccessMatrixContract extends ElasticsearchIntegrationTest {

    /** Whose data a request asks for: the signed-in subject's own, or somebody else's. */
    public enum Subject { OWN, OTHER }

    /** One HTTP request. */
    public record Request(String method, String path, String contentType, String body) {
        public static Request get(String path) {
            return new Request("GET", path, null, null);
        }

        public static Request postJson(String path, String json) {
            return new Request("POST", path, "application/json", json);
        }

        public static Request postNdjson(String path, String ndjson) {
            return new Request("POST", path, "application/x-ndjson", ndjson);
        }
    }

    /**
     * How to call one endpoint.
     *
     * @param request      the request for the caller's own subject or somebody else's; null for {@link Subject#OTHER}
     *                     when the endpoint names no subject but the token's own (e.g. {@code /v1/persons/me})
     * @param success      the statuses that show the request was let through
     * @param personalData JSON pointer to a natural person's data in the answer (checked for masking), or null
     */
    public record Example(Function<Subject, Request> request, Set<Integer> success, String personalData) {
        public static Example of(Request request) {
            return new Example(s -> request, Set.of(200), null);
        }

        public static Example of(Request request, int... success) {
            return new Example(s -> request, Arrays.stream(success).boxed().collect(Collectors.toSet()), null);
        }

        /** A request about a subject: {@code own} for the caller's own, {@code other} for somebody else's. */
        public static Example about(Request own, Request other, String personalData) {
            return new Example(s -> s == Subject.OWN ? own : other, Set.of(200), personalData);
        }
    }

    /** The matrix the service under test enforces. */
    @Autowired
    private AccessMatrix matrix;

    @LocalServerPort
    private int port;

    /** The service under test (the test's own Spring Boot application on its random port). */
    protected ApiClient api() {
        return new ApiClient(port);
    }

    /** One example per row of the service's own matrix file, keyed {@code "GET /v1/enterprises/{uscc}"}. */
    protected abstract Map<String, Example> serviceExamples();

    /** The rows every service shares (common-endpoints.txt), then the service's own. */
    private Map<String, Example> examples() {
        Map<String, Example> all = new HashMap<>();
        all.put("GET /actuator/health", Example.of(Request.get("/actuator/health")));
        all.put("GET /actuator/health/**", Example.of(Request.get("/actuator/health/liveness")));
        all.put("GET /actuator/prometheus", Example.of(Request.get("/actuator/prometheus")));
        all.put("GET /actuator/metrics/**", Example.of(Request.get("/actuator/metrics/jvm.threads.live")));
        all.put("GET /actuator/info", Example.of(Request.get("/actuator/info")));
        all.put("GET /v3/api-docs/**", Example.of(Request.get("/v3/api-docs")));
        all.put("GET /swagger-ui.html", Example.of(Request.get("/swagger-ui.html"), 200, 302));
        all.put("GET /swagger-ui/**", Example.of(Request.get("/swagger-ui/index.html")));
        all.put("GET /v1/audit-entries", Example.of(Request.get("/v1/audit-entries?size=5")));
        all.put("POST /v1/audit-pseudonyms", Example.of(Request.postJson("/v1/audit-pseudonyms",
                "{\"identifier\":\"" + TestIdentityProvider.citizenIdNumber() + "\"}")));
        all.put("GET /v1/audit-chain/verification", Example.of(Request.get("/v1/audit-chain/verification")));
        all.put("GET /v1/audit-chain/head", Example.of(Request.get("/v1/audit-chain/head")));
        all.putAll(serviceExamples());
        return all;
    }

    /**
     * The example one role sends; by default the row's. Override for a row whose "own" subject differs by role (a
     * citizen's record and an enterprise's are not the same record).
     */
    protected Example example(String endpoint, CallerRole role) {
        return examples().get(endpoint);
    }

    Stream<Arguments> cells() {
        return matrix.rows().stream().flatMap(row -> Arrays.stream(CallerRole.values())
                .map(role -> Arguments.of(row.endpoint(), role, row.access(role))));
    }

    @Test
    void everyRowOfTheMatrixHasAnExampleRequest() {
        assertThat(examples().keySet()).containsAll(matrix.rows().stream().map(AccessMatrix.Row::endpoint).toList());
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("cells")
    void theServiceDoesWhatItsMatrixSays(String endpoint, CallerRole role, Access access) {
        Example example = example(endpoint, role);
        assertThat(example).as("an example request for " + endpoint).isNotNull();
        switch (access) {
            case DENY -> refused(send(anyRequest(example), role), role);
            case ALLOW -> shown(example, send(example.request().apply(Subject.OTHER), role), false);
            case MASKED -> shown(example, send(example.request().apply(Subject.OTHER), role), true);
            case OWN -> {
                shown(example, send(example.request().apply(Subject.OWN), role), false);
                Request other = example.request().apply(Subject.OTHER);
                if (other != null) {
                    refused(send(other, role), role);
                }
            }
            case OWN_ELSE_MASKED -> {
                shown(example, send(example.request().apply(Subject.OWN), role), false);
                shown(example, send(example.request().apply(Subject.OTHER), role), true);
            }
        }
    }

    /** Somebody else's where the endpoint names a subject, else the token's own. */
    private static Request anyRequest(Example example) {
        Request other = example.request().apply(Subject.OTHER);
        return other != null ? other : example.request().apply(Subject.OWN);
    }

    private HttpResponse<String> send(Request request, CallerRole role) {
        assertThat(request).as("the example names a request").isNotNull();
        String as = role == CallerRole.PUBLIC ? null : role.name();
        return switch (request.method()) {
            case "GET" -> api().get(request.path(), as);
            case "POST" -> "application/json".equals(request.contentType())
                    ? api().postJson(request.path(), request.body(), as)
                    : api().postNdjson(request.path(), request.body(), as);
            default -> throw new IllegalArgumentException(request.method());
        };
    }

    private static void refused(HttpResponse<String> response, CallerRole role) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(role == CallerRole.PUBLIC ? 401 : 403);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(ApiClient.json(response).path("requestId").asText()).isNotBlank();
    }

    private static void shown(Example example, HttpResponse<String> response, boolean masked) {
        assertThat(example.success()).as(response.statusCode() + " " + response.body()).contains(response.statusCode());
        if (example.personalData() != null) {
            JsonNode value = ApiClient.json(response).at(example.personalData());
            assertThat(value.isTextual()).as(example.personalData() + " in " + response.body()).isTrue();
            if (masked) {
                assertThat(value.asText()).as("masked").contains("*");
            } else {
                assertThat(value.asText()).as("in full").doesNotContain("*");
            }
        }
    }
}
