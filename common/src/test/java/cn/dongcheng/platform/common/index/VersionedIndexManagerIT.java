package cn.dongcheng.platform.common.index;

import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.testing.TestIndices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class VersionedIndexManagerIT {

    private ElasticsearchJson es;
    private VersionedIndexManager manager;
    private String alias;

    @BeforeEach
    void setUp() {
        es = TestIndices.json();
        manager = new VersionedIndexManager(es);
        alias = TestIndices.uniqueNamespace() + "things";
    }

    private ObjectNode definition(boolean withColour) throws Exception {
        String json = "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},\"mappings\":{\"dynamic\":\"strict\","
                + "\"properties\":{\"name\":{\"type\":\"keyword\"},\"n\":{\"type\":\"integer\"}"
                + (withColour ? ",\"colour\":{\"type\":\"keyword\"}" : "") + "}}}";
        return (ObjectNode) es.mapper().readTree(json);
    }

    @Test
    void createsOnceAndLeavesAnUnchangedDefinitionAlone() throws Exception {
        var first = manager.ensure(alias, definition(false));
        var second = manager.ensure(alias, definition(false));
        assertThat(first.action()).isEqualTo(VersionedIndexManager.Action.CREATED);
        assertThat(first.index()).isEqualTo(alias + "-v1");
        assertThat(second.action()).isEqualTo(VersionedIndexManager.Action.UNCHANGED);
        assertThat(manager.currentIndex(alias)).isEqualTo(alias + "-v1");
    }

    @Test
    void aMappingChangeMigratesEveryDocumentWhileReadersKeepGettingAnswers() throws Exception {
        manager.ensure(alias, definition(false));
        int documents = 5_000;
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < documents; i++) {
            bulk.append("{\"index\":{\"_index\":\"").append(alias).append("\",\"_id\":\"d").append(i).append("\"}}\n")
                    .append("{\"name\":\"thing ").append(i).append("\",\"n\":").append(i).append("}\n");
        }
        assertThat(es.send("POST", "/_bulk", bulk.toString()).path("errors").asBoolean()).isFalse();
        es.refresh(alias);

        // readers query the alias without pause for the whole migration
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    long count = es.get("/" + alias + "/_count").path("count").asLong();
                    if (count != documents) {
                        failures.add("saw " + count + " documents");
                    }
                    reads.incrementAndGet();
                } catch (RuntimeException e) {
                    failures.add(e.getMessage());
                }
            }
        });
        reader.start();
        Thread.sleep(200);
        VersionedIndexManager.Outcome outcome = manager.ensure(alias, definition(true));
        Thread.sleep(200);
        stop.set(true);
        reader.join();

        assertThat(outcome.action()).isEqualTo(VersionedIndexManager.Action.MIGRATED);
        assertThat(outcome.index()).isEqualTo(alias + "-v2");
        assertThat(outcome.documentsCopied()).isEqualTo(documents);
        assertThat(failures).isEmpty();
        assertThat(reads.get()).isGreaterThan(2);
        assertThat(manager.currentIndex(alias)).isEqualTo(alias + "-v2");
        assertThat(es.exists("/" + alias + "-v1")).isFalse();

        // the new field is usable; the old documents came across intact
        es.send("PUT", "/" + alias + "/_doc/new?refresh=true", es.object().put("name", "new").put("n", -1).put("colour", "red"));
        JsonNode old = es.get("/" + alias + "/_doc/d4321");
        assertThat(old.path("_source").path("name").asText()).isEqualTo("thing 4321");
        assertThat(es.get("/" + alias + "/_count").path("count").asLong()).isEqualTo(documents + 1);
        assertThat(manager.ensure(alias, definition(true)).action()).isEqualTo(VersionedIndexManager.Action.UNCHANGED);
    }
}
