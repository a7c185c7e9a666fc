package cn.dongcheng.platform.common.testing;

import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

/** Plain (Spring-free) access to the shared test node, and index namespaces that keep test classes apart. */
public final class TestIndices {

    private TestIndices() {
    }

    /** A fresh namespace such as {@code t3f9a0c1-}: every index a test class creates starts with it. */
    public static String uniqueNamespace() {
        return "t" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT) + "-";
    }

    public static ElasticsearchJson json() {
        URI uri = TestElasticsearch.uri();
        RestClient client = RestClient.builder(new HttpHost(uri.getHost(), uri.getPort(), "http")).build();
        return new ElasticsearchJson(client, new ObjectMapper());
    }
}
