package cn.dongcheng.platform.common.elasticsearch;

import cn.dongcheng.platform.testing.TestElasticsearch;
import cn.dongcheng.platform.testing.TestIndices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Look-ups by id on the calling thread, against the real node, and what they send, against a recording server. */
class BlockingGetClientIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration SECOND = Duration.ofSeconds(1);

    record Doc(String name) {
    }

    @Test
    void readsAStoredDocumentAndAnswersNullForAMissingOne() throws Exception {
        String index = indexHoldingA("东城");
        try (RestClient rest = restClient(); BlockingGetClient gets = client(TestElasticsearch.uri().getPort(), null, null, null)) {
            ElasticsearchJson es = new ElasticsearchJson(rest, MAPPER, gets);
            assertThat(es.getAs("/" + index + "/_source/a", Doc.class)).isEqualTo(new Doc("东城"));
            assertThat(es.getAs("/" + index + "/_source/b", Doc.class)).isNull();
            assertThatThrownBy(() -> es.getAs("/" + index + "/_source/a?no_such_parameter=1", Doc.class))
                    .isInstanceOfSatisfying(ElasticsearchStatusException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.body()).contains("no_such_parameter");
                    });
        }
    }

    @Test
    void aNodeItCannotReachIsLeftToTheRestClient() throws Exception {
        String index = indexHoldingA("王府井");
        try (RestClient rest = restClient(); BlockingGetClient unreachable = client(closedPort(), null, null, null)) {
            ElasticsearchJson es = new ElasticsearchJson(rest, MAPPER, unreachable);
            assertThat(es.getAs("/" + index + "/_source/a", Doc.class)).isEqualTo(new Doc("王府井"));
        }
    }

    @Test
    void sendsThePathPrefixAndPreemptiveBasicAuthentication() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"name\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (BlockingGetClient gets = client(server.getAddress().getPort(), "/es/", "elastic", "秘密")) {
            JsonNode answer = gets.get("/idx/_source/1", MAPPER::readTree);
            assertThat(answer.path("name").asText()).isEqualTo("ok");
            assertThat(seen).containsExactly("/es/idx/_source/1 Basic "
                    + java.util.Base64.getEncoder().encodeToString("elastic:秘密".getBytes(StandardCharsets.UTF_8)));
        } finally {
            server.stop(0);
        }
    }

    /** A fresh index with document {@code a} named {@code name}. */
    private static String indexHoldingA(String name) {
        String index = TestIndices.uniqueNamespace() + "docs";
        TestIndices.json().send("PUT", "/" + index + "/_doc/a", Map.of("name", name), Map.of("refresh", "true"));
        return index;
    }

    private static RestClient restClient() {
        URI node = TestElasticsearch.uri();
        return RestClient.builder(new HttpHost(node.getHost(), node.getPort(), "http")).build();
    }

    private static BlockingGetClient client(int port, String prefix, String user, String password) {
        return new BlockingGetClient(List.of(new HttpHost("127.0.0.1", port, "http")), prefix, user, password, null, SECOND, SECOND, 4);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
