package cn.dongcheng.platform.testing;

import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.index.MigrationLeases;
import cn.dongcheng.platform.common.index.MigrationProgress;
import cn.dongcheng.platform.common.index.VersionedIndexManager;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.time.DistrictTime;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
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

    /** The typed Java API client on the shared test node. */
    public static ElasticsearchClient client() {
        return client(TestElasticsearch.uri());
    }

    /** The typed Java API client on {@code node} (another node, a proxy, a closed port). */
    public static ElasticsearchClient client(URI node) {
        return new ElasticsearchClient(new RestClientTransport(restClient(node), new JacksonJsonpMapper()));
    }

    /**
     * An index manager as a service instance has one, with its own owner name and leases in {@code leaseIndex};
     * {@code progress} may stall or fail a copy to play an instance that hangs or dies half-way.
     */
    public static VersionedIndexManager indexManager(String leaseIndex, Duration leaseTtl, MigrationProgress progress) {
        return indexManager(leaseIndex, leaseTtl, progress, Clock.system(DistrictTime.DEFAULT_ZONE));
    }

    /** An index manager whose leases read {@code clock}: a test moves time on instead of sleeping past a lease. */
    public static VersionedIndexManager indexManager(String leaseIndex, Duration leaseTtl, MigrationProgress progress, Clock clock) {
        MigrationLeases leases = new MigrationLeases(client(), leaseIndex, "test/" + UUID.randomUUID(), leaseTtl, clock);
        return new VersionedIndexManager(client(), new DocumentPages(json(), client()), new ObjectMapper(), leases, progress);
    }

    /** An index manager for tests that only need their indices created. */
    public static VersionedIndexManager indexManager() {
        return indexManager("test-index-leases", Duration.ofMinutes(1), (alias, from, to, copied, total) -> { });
    }

    private static RestClient restClient(URI node) {
        return RestClient.builder(new HttpHost(node.getHost(), node.getPort(), "http")).build();
    }

    public static ElasticsearchJson json() {
        return new ElasticsearchJson(restClient(TestElasticsearch.uri()), new ObjectMapper());
    }
}
