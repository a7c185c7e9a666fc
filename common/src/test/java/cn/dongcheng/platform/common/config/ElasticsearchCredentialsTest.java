package cn.dongcheng.platform.common.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails.Node;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails.Node.Protocol;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which basic-auth credentials both Elasticsearch clients use. */
class ElasticsearchCredentialsTest {

    @Test
    void configuredCredentialsWinOverThoseInANodeUri() {
        ElasticsearchConnectionDetails details = new ElasticsearchConnectionDetails() {
            @Override
            public List<Node> getNodes() {
                return List.of(new Node("es", 9200, Protocol.HTTP, "uri-user", "uri-secret"));
            }

            @Override
            public String getUsername() {
                return "elastic";
            }

            @Override
            public String getPassword() {
                return "secret";
            }
        };
        assertThat(PlatformElasticsearchAutoConfiguration.Credentials.of(details))
                .isEqualTo(new PlatformElasticsearchAutoConfiguration.Credentials("elastic", "secret"));
    }

    @Test
    void withoutConfiguredCredentialsTheFirstNodeUriCarryingSomeIsUsed() {
        ElasticsearchConnectionDetails details = () -> List.of(new Node("a", 9200, Protocol.HTTP),
                new Node("b", 9200, Protocol.HTTPS, "reader", "pw"));
        assertThat(PlatformElasticsearchAutoConfiguration.Credentials.of(details))
                .isEqualTo(new PlatformElasticsearchAutoConfiguration.Credentials("reader", "pw"));
    }

    @Test
    void noneAnywhereMeansNone() {
        ElasticsearchConnectionDetails details = () -> List.of(new Node("a", 9200, Protocol.HTTP));
        assertThat(PlatformElasticsearchAutoConfiguration.Credentials.of(details)).isNull();
    }
}
