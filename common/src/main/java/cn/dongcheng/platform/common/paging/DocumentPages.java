package cn.dongcheng.platform.common.paging;

import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.ingest.DocumentVersion;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;
import static cn.dongcheng.platform.common.elasticsearch.Queries.asc;

/**
 * Reading documents of one index: get by id, and cursor paging with {@code search_after} (works past 10,000 hits,
 * unlike from/size). The cursor is the last hit's sort values, base64url-encoded; the sort must end in a unique field.
 * Searches go through the typed client; the look-up by id stays on {@link ElasticsearchJson}'s blocking GET.
 */
public class DocumentPages {

    private static final Time KEEP_ALIVE = Time.of(t -> t.time("2m"));
    /** Where the next page of a scan is searched for; idle threads end after a minute. */
    private static final ExecutorService NEXT_PAGES = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "scan-next-page");
        thread.setDaemon(true);
        return thread;
    });

    private final ElasticsearchJson es;
    private final ElasticsearchClient client;

    public DocumentPages(ElasticsearchJson es, ElasticsearchClient client) {
        this.es = es;
        this.client = client;
    }

    /**
     * Raw on purpose: the hot path of every directory. The blocking GET read straight into the record (no hand-off to
     * the client's I/O reactor, no intermediate objects) took the service's CPU per look-up from 385 to 305 µs in the
     * industry benchmark (bench/results/ab-2026-11-25-blocking-get: 363–429 µs base against 283–365 µs); the typed
     * client's GET goes through that reactor.
     */
    public <T> Optional<T> get(String alias, String id, Class<T> type) {
        return Optional.ofNullable(es.getAs("/" + alias + "/_source/" + urlSegment(id), type));
    }

    /**
     * @param query built from typed values
     * @param sort  sort clauses, the last one on a unique keyword (the natural key)
     */
    public <T> Page<T> page(String alias, Query query, List<SortOptions> sort, PageRequest request, Class<T> type) {
        List<FieldValue> after = request.cursor() == null ? null : decode(request.cursor());
        SearchResponse<T> result;
        try {
            result = call(() -> client.search(s -> {
                s.index(alias).size(request.size()).query(query).sort(sort).trackTotalHits(t -> t.count(100_000));
                return after == null ? s : s.searchAfter(after);
            }, type));
        } catch (ElasticsearchException e) {
            if (e.status() == 400 && after != null) {
                throw new InvalidInputException("cursor", "does not belong to this query");
            }
            throw e;
        }
        List<Hit<T>> hits = result.hits().hits();
        List<T> items = hits.stream().map(Hit::source).toList();
        String next = hits.size() == request.size() ? encode(hits.get(hits.size() - 1).sort()) : null;
        TotalHits total = result.hits().total();
        return new Page<>(items, next, total == null ? 0 : total.value(), total != null && total.relation() == TotalHitsRelation.Gte);
    }

    /**
     * Visits every hit of a query in batches, over a point in time with {@code search_after} on {@code _shard_doc}:
     * a consistent snapshot, no 10,000-hit window, constant memory. {@code sourceFields} limits what comes back
     * (null: the whole document), read into {@code type}.
     *
     * @return the number of hits visited
     */
    public <T> long scan(String index, Query query, List<String> sourceFields, int batchSize, Class<T> type,
                         Consumer<List<T>> batch) {
        return scanHits(index, query, sourceFields, batchSize, type, hits -> batch.accept(hits.stream().map(Hit::source).toList()));
    }

    /** As {@link #scan}, handing over whole hits: ids with their documents, for a copy that keeps the ids. */
    public <T> long scanHits(String index, Query query, List<String> sourceFields, int batchSize, Class<T> type,
                             Consumer<List<Hit<T>>> batch) {
        return scanHits(index, query, List.of(), sourceFields, batchSize, type, batch);
    }

    /**
     * As {@link #scan}, in the order of {@code sort} ({@code _shard_doc} breaks ties): e.g. grouped by subject, so a
     * caller can finish one subject before the next begins.
     */
    public <T> long scanSorted(String index, Query query, List<SortOptions> sort, List<String> sourceFields, int batchSize,
                               Class<T> type, Consumer<List<T>> batch) {
        return scanHits(index, query, sort, sourceFields, batchSize, type, hits -> batch.accept(hits.stream().map(Hit::source).toList()));
    }

    /**
     * The next page is asked for as soon as a page arrives, before the caller works through it, so Elasticsearch
     * searches while the caller writes (one page ahead, never more: memory stays two pages). A page shorter than the
     * batch is the last one (the node answers {@code batchSize} hits while as many remain), so no empty page is asked
     * for: a scan smaller than one batch is one search.
     */
    private <T> long scanHits(String index, Query query, List<SortOptions> sort, List<String> sourceFields, int batchSize,
                              Class<T> type, Consumer<List<Hit<T>>> batch) {
        List<SortOptions> order = new ArrayList<>(sort);
        order.add(asc("_shard_doc"));
        String opened = call(() -> client.openPointInTime(o -> o.index(index).keepAlive(KEEP_ALIVE))).id();
        String[] pit = {opened};
        CompletableFuture<SearchResponse<T>> next = null;
        long visited = 0;
        try {
            SearchResponse<T> result = searchPage(opened, null, query, order, sourceFields, batchSize, type);
            while (true) {
                pit[0] = result.pitId() == null ? pit[0] : result.pitId();
                List<Hit<T>> hits = result.hits().hits();
                boolean last = hits.size() < batchSize;
                if (!last) {
                    String current = pit[0];
                    List<FieldValue> after = hits.get(hits.size() - 1).sort();
                    next = CompletableFuture.supplyAsync(() -> searchPage(current, after, query, order, sourceFields, batchSize, type),
                            NEXT_PAGES);
                }
                if (!hits.isEmpty()) {
                    batch.accept(hits);
                    visited += hits.size();
                }
                if (last) {
                    return visited;
                }
                result = awaitPage(next);
                next = null;
            }
        } finally {
            if (next != null) {
                next.cancel(false); // the caller stopped early: the page in flight is not waited for
            }
            try {
                call(() -> client.closePointInTime(c -> c.id(pit[0])));
            } catch (RuntimeException e) {
                // the point in time expires by itself after keep_alive
            }
        }
    }

    private <T> SearchResponse<T> searchPage(String pit, List<FieldValue> after, Query query, List<SortOptions> order,
                                             List<String> sourceFields, int batchSize, Class<T> type) {
        return call(() -> client.search(s -> {
            s.size(batchSize).trackTotalHits(t -> t.enabled(false)).query(query)
                    .pit(p -> p.id(pit).keepAlive(KEEP_ALIVE)).sort(order);
            if (after != null) {
                s.searchAfter(after);
            }
            if (sourceFields != null) {
                s.source(src -> src.filter(f -> f.includes(sourceFields)));
            }
            return s;
        }, type));
    }

    private static <T> SearchResponse<T> awaitPage(CompletableFuture<SearchResponse<T>> page) {
        try {
            return page.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /**
     * Several documents by id in one round trip; missing ids are simply absent from the map. Each {@code _source} is
     * read straight into {@code type} as the answer is parsed. No filter_path or _source filtering: Elasticsearch
     * spends more filtering a document than sending it whole.
     */
    public <T> Map<String, T> getAll(String index, Collection<String> ids, Class<T> type) {
        Map<String, T> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<String> list = List.copyOf(ids);
        call(() -> client.mget(m -> m.index(index).ids(list), type)).docs().forEach(doc -> {
            if (doc.isResult() && doc.result().found() && doc.result().source() != null) {
                found.put(doc.result().id(), doc.result().source());
            }
        });
        return found;
    }

    /** A document as read together with the version it was stored under. */
    public record Versioned<T>(T source, DocumentVersion version) {
    }

    /**
     * As {@link #getAll}, each document with its {@code _seq_no} and {@code _primary_term}: a real-time read (it sees
     * every acknowledged write, refreshed or not) to compute a replacement written only if nothing changed since.
     */
    public <T> Map<String, Versioned<T>> getAllVersioned(String index, Collection<String> ids, Class<T> type) {
        Map<String, Versioned<T>> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<String> list = List.copyOf(ids);
        call(() -> client.mget(m -> m.index(index).ids(list).realtime(true), type)).docs().forEach(doc -> {
            if (doc.isResult() && doc.result().found() && doc.result().source() != null) {
                found.put(doc.result().id(), new Versioned<>(doc.result().source(),
                        new DocumentVersion(doc.result().seqNo(), doc.result().primaryTerm())));
            }
        });
        return found;
    }

    /** The sort values as a JSON array, base64url: what Elasticsearch sent, so a cursor means the same after an upgrade. */
    private static String encode(List<FieldValue> sortValues) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (FieldValue value : sortValues) {
            switch (value._kind()) {
                case Long -> array.add(value.longValue());
                case Double -> array.add(value.doubleValue());
                case Boolean -> array.add(value.booleanValue());
                case String -> array.add(value.stringValue());
                case Null -> array.addNull();
                case Any -> throw new IllegalStateException("unexpected sort value " + value);
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(array.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The sort values of a cursor: a non-empty array of scalars, else not a cursor this service issued. */
    private List<FieldValue> decode(String cursor) {
        JsonNode node;
        try {
            node = es.mapper().readTree(Base64.getUrlDecoder().decode(cursor));
        } catch (IllegalArgumentException | IOException e) {
            throw notACursor();
        }
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw notACursor();
        }
        List<FieldValue> values = new ArrayList<>(node.size());
        for (JsonNode v : node) {
            if (v.isIntegralNumber() && v.canConvertToLong()) {
                values.add(FieldValue.of(v.longValue()));
            } else if (v.isNumber()) {
                values.add(FieldValue.of(v.doubleValue()));
            } else if (v.isTextual()) {
                values.add(FieldValue.of(v.textValue()));
            } else if (v.isBoolean()) {
                values.add(FieldValue.of(v.booleanValue()));
            } else if (v.isNull()) {
                values.add(FieldValue.NULL);
            } else {
                throw notACursor();
            }
        }
        return values;
    }

    private static InvalidInputException notACursor() {
        return new InvalidInputException("cursor", "is not a cursor this service issued");
    }

    private static String urlSegment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
