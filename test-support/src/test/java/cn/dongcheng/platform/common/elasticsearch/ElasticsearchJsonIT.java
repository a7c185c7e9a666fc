package cn.dongcheng.platform.common.elasticsearch;

import cn.dongcheng.platform.common.problem.DependencyUnavailableException;
import cn.dongcheng.platform.testing.TestIndices;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElasticsearchJsonIT {

    @Test
    void anUnreachableNodeIsADependencyFailureNamingElasticsearch() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (RestClient client = RestClient.builder(new HttpHost("127.0.0.1", closed, "http")).build()) {
            ElasticsearchJson es = new ElasticsearchJson(client, new ObjectMapper());
            assertThatThrownBy(() -> es.get("/_cluster/health"))
                    .isInstanceOfSatisfying(DependencyUnavailableException.class,
                            e -> assertThat(e.dependency()).isEqualTo("elasticsearch"));
        }
    }

    @Test
    void errorsOfTheNodeKeepTheirStatusAndReason() {
        ElasticsearchJson es = TestIndices.json();
        assertThat(es.getOrNull("/" + TestIndices.uniqueNamespace() + "missing/_doc/1")).isNull();
        assertThatThrownBy(() -> es.send("POST", "/_search", "{\"query\":{\"no_such_query\":{}}}"))
                .isInstanceOfSatisfying(ElasticsearchStatusException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.body()).contains("no_such_query");
                });
    }
}
