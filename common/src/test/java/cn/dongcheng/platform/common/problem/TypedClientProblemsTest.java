package cn.dongcheng.platform.common.problem;

import cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls;
import cn.dongcheng.platform.common.elasticsearch.ElasticsearchStatusException;
import cn.dongcheng.platform.common.security.servlet.SecurityProblems;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.sun.net.httpserver.HttpServer;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

/**
 * The typed client's failures reach callers as the problems {@link cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson}'s
 * did: a node that answers over real HTTP (a stub speaking Elasticsearch's error format, or a proxy's HTML) or none at all,
 * the client's exception through {@link ElasticsearchCalls}, and the handler the advice picks for it.
 */
class TypedClientProblemsTest {

    private static HttpServer node;
    private static RestClient rest;
    private static ElasticsearchClient client;
    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice(
            new StaticListableBeanFactory().getBeanProvider(SecurityProblems.class));

    @BeforeAll
    static void start() throws IOException {
        node = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        answer("/recovering/_search", 503, "application/json",
                "{\"error\":{\"type\":\"no_shard_available_action_exception\",\"reason\":\"x\"},\"status\":503}");
        answer("/missing/_search", 404, "application/json",
                "{\"error\":{\"type\":\"index_not_found_exception\",\"reason\":\"no such index [missing]\"},\"status\":404}");
        answer("/bad-query/_search", 400, "application/json",
                "{\"error\":{\"type\":\"parsing_exception\",\"reason\":\"unknown query\"},\"status\":400}");
        answer("/migrating/_search", 403, "application/json", "{\"error\":{\"type\":\"cluster_block_exception\","
                + "\"reason\":\"index [x] blocked by: [FORBIDDEN/8/index write (api)];\"},\"status\":403}");
        answer("/behind-proxy/_search", 502, "text/html", "<html><body>Bad Gateway</body></html>");
        node.start();
        rest = RestClient.builder(new HttpHost("127.0.0.1", node.getAddress().getPort(), "http")).build();
        client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }

    @AfterAll
    static void stop() throws IOException {
        rest.close();
        node.stop(0);
    }

    @Test
    void elasticsearchsOwnTransientStatusIsA503ProblemNamingIt() throws Exception {
        // RestClient hands a 503 on as its ResponseException (it marks the node dead first), not as an error answer
        RuntimeException failure = search(client, "recovering");
        assertThat(failure).isInstanceOfSatisfying(ElasticsearchStatusException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertUnavailable(handle(failure));
    }

    @Test
    void theWriteBlockOfAnIndexBeingMigratedIsA503() throws Exception {
        RuntimeException failure = search(client, "migrating");
        assertThat(failure).isInstanceOfSatisfying(ElasticsearchException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertUnavailable(handle(failure));
    }

    @Test
    void elasticsearchsOtherErrorsAreOurFaultA500WithoutInternals() throws Exception {
        for (String index : new String[]{"missing", "bad-query"}) {
            RuntimeException failure = search(client, index);
            assertThat(failure).isInstanceOf(ElasticsearchException.class);
            ResponseEntity<ProblemDetail> problem = handle(failure);
            assertThat(problem.getStatusCode().value()).as(index).isEqualTo(500);
            assertThat(problem.getBody().getDetail()).doesNotContain("index").doesNotContain("Exception");
        }
    }

    @Test
    void anAnswerOutsideElasticsearchsFormatKeepsItsStatus() throws Exception {
        // the client's TransportException (the ResponseException inside): a proxy's 502 is the dependency unavailable
        assertUnavailable(handle(search(client, "behind-proxy")));
    }

    @Test
    void noAnswerIsA503ProblemNamingElasticsearch() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (RestClient down = RestClient.builder(new HttpHost("127.0.0.1", closed, "http")).build()) {
            RuntimeException failure = search(new ElasticsearchClient(new RestClientTransport(down, new JacksonJsonpMapper())), "any");
            assertThat(failure).isInstanceOf(DependencyUnavailableException.class);
            assertUnavailable(handle(failure));
        }
    }

    private static void assertUnavailable(ResponseEntity<ProblemDetail> problem) {
        assertThat(problem.getStatusCode().value()).isEqualTo(503);
        assertThat(problem.getHeaders().getFirst("Retry-After")).isNotNull();
        assertThat(problem.getBody().getProperties()).containsEntry("dependency", "elasticsearch");
    }

    private static RuntimeException search(ElasticsearchClient client, String index) {
        return catchRuntimeException(() -> ElasticsearchCalls.call(() -> client.search(s -> s.index(index), Void.class)));
    }

    /** What the advice answers, through the handler Spring MVC would pick for the exception's type. */
    @SuppressWarnings("unchecked")
    private ResponseEntity<ProblemDetail> handle(RuntimeException failure) throws Exception {
        Method handler = new ExceptionHandlerMethodResolver(ProblemDetailsAdvice.class).resolveMethod(failure);
        assertThat(handler).as("a handler for " + failure.getClass()).isNotNull();
        handler.setAccessible(true);
        return (ResponseEntity<ProblemDetail>) handler.invoke(advice, failure, new MockHttpServletRequest("GET", "/v1/things"));
    }

    private static void answer(String path, int status, String contentType, String body) {
        node.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set("X-Elastic-Product", "Elasticsearch");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
    }
}
