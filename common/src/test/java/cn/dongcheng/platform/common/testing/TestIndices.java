package cn.dongcheng.platform.common.testing;

import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Plain (Spring-free) access to the shared test node, and index namespaces that keep test classes apart. */
public final class TestIndices {

    private TestIndices() {
    }

    /**
     * The entries of an audit trail whose {@code field} holds {@code value} (up to 1,000), read straight from the index
     * after a refresh, as an auditor with direct access would see them.
     */
    public static List<JsonNode> auditEntries(String alias, String field, String value) {
        ElasticsearchJson es = json();
        es.refresh(alias);
        ObjectNode query = es.object();
        query.put("size", 1000);
        query.putObject("query").putObject("term").put(field, value);
        List<JsonNode> entries = new ArrayList<>();
        es.send("POST", "/" + alias + "/_search", query).path("hits").path("hits").forEach(h -> entries.add(h.path("_source")));
        return entries;
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
