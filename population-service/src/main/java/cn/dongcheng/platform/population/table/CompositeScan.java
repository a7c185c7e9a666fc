package cn.dongcheng.platform.population.table;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;

/**
 * Every distinct combination of some keyword fields among the documents a query matches, page by page (a
 * {@code composite} aggregation followed by its after-key): exact where a {@code cardinality} would estimate, and
 * memory for one page only. Buckets come in key order, the first field slowest.
 */
final class CompositeScan {

    private final ElasticsearchClient client;

    CompositeScan(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * @param fields keyword fields in key order; a document missing one comes with a null key for it
     * @param page   buckets per request (at most Elasticsearch's {@code search.max_buckets})
     */
    void forEach(String index, Query query, List<String> fields, int page, Consumer<List<CompositeBucket>> consumer) {
        List<Map<String, CompositeAggregationSource>> sources = fields.stream().map(f -> Map.of(f,
                CompositeAggregationSource.of(s -> s.terms(t -> t.field(f).missingBucket(true))))).toList();
        Map<String, FieldValue> after = null;
        do {
            Map<String, FieldValue> from = after;
            CompositeAggregate result = call(() -> client.search(s -> s.index(index).size(0).query(query)
                    .aggregations("keys", a -> a.composite(c -> {
                        c.size(page).sources(sources);
                        if (from != null) {
                            c.after(from);
                        }
                        return c;
                    })), Void.class)).aggregations().get("keys").composite();
            List<CompositeBucket> buckets = result.buckets().array();
            if (!buckets.isEmpty()) {
                consumer.accept(buckets);
            }
            after = buckets.size() < page || result.afterKey() == null ? null : new HashMap<>(result.afterKey());
        } while (after != null);
    }

    /** A bucket's key as strings, null where the document had no value. */
    static Map<String, String> key(CompositeBucket bucket) {
        Map<String, String> out = new LinkedHashMap<>();
        bucket.key().forEach((k, v) -> out.put(k, v.isNull() ? null : v.stringValue()));
        return out;
    }
}
