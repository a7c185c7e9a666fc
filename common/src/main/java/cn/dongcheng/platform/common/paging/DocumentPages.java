package cn.dongcheng.platform.common.paging;

import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.elasticsearch.Versioned;
import cn.dongcheng.platform.common.problem.DependencyUnavailableException;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.json.JsonString;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;
import static cn.dongcheng.platform.common.elasticsearch.Queries.asc;

/**
 * Reading documents of one index: get by id, and cursor paging with {@code search_after} (works past 10,000 hits,
 * unlike from/size). The cursor is the last hit's sort values, base64url-encoded; the sort must end in a unique field.
 * Searches go through the typed client; the look-up by id stays on {@link ElasticsearchJson}'s blocking GET.
 */
public class DocumentPages {

    private static final Time KEEP_ALIVE = Time.of(t -> t.time("2m"));
    private static final String NO_STORED_FIELDS = "_none_";
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

    private <T> long scanHits(String index, Query query, List<SortOptions> sort, List<String> sourceFields, int batchSize,
                              Class<T> type, Consumer<List<Hit<T>>> batch) {
        return scanHits(index, query, sort, batchSize, type, s -> sourceFields == null ? s
                : s.source(src -> src.filter(f -> f.includes(sourceFields))), batch);
    }

    /**
     * One keyword field of every hit, read from its doc values: no {@code _source}, no stored field loaded (a hit
     * costs a doc-values look-up instead of decompressing its stored block). One search while the hits fit in
     * {@code limit} (at most 10,000, the result window), a point-in-time scan beyond: the common case is one round
     * trip where a scan takes three (open, search, close).
     */
    public List<String> keywords(String index, Query query, String field, int limit) {
        UnaryOperator<SearchRequest.Builder> keywordOnly = s -> s.source(src -> src.fetch(false)).storedFields(NO_STORED_FIELDS)
                .docvalueFields(f -> f.field(field));
        List<Hit<Void>> hits = call(() -> client.search(s -> keywordOnly.apply(s.index(index).size(limit).query(query)
                .trackTotalHits(t -> t.enabled(false))), Void.class)).hits().hits();
        if (hits.size() < limit) {
            return keywordsOf(hits, field);
        }
        List<String> all = new ArrayList<>();
        scanHits(index, query, List.of(), limit, Void.class, keywordOnly, batch -> all.addAll(keywordsOf(batch, field)));
        return all;
    }

    private static List<String> keywordsOf(List<Hit<Void>> hits, String field) {
        List<String> values = new ArrayList<>(hits.size());
        for (Hit<Void> hit : hits) {
            JsonData value = hit.fields().get(field);
            if (value != null) {
                value.toJson().asJsonArray().forEach(v -> values.add(((JsonString) v).getString()));
            }
        }
        return values;
    }

    /**
     * The next page is asked for as soon as a page arrives, before the caller works through it, so Elasticsearch
     * searches while the caller writes (one page ahead, never more: memory stays two pages). A page shorter than the
     * batch is the last one (the node answers {@code batchSize} hits while as many remain), so no empty page is asked
     * for: a scan smaller than one batch is one search. {@code projection} says what of each hit comes back.
     */
    private <T> long scanHits(String index, Query query, List<SortOptions> sort, int batchSize, Class<T> type,
                              UnaryOperator<SearchRequest.Builder> projection, Consumer<List<Hit<T>>> batch) {
        List<SortOptions> order = new ArrayList<>(sort);
        order.add(asc("_shard_doc"));
        String opened = call(() -> client.openPointInTime(o -> o.index(index).keepAlive(KEEP_ALIVE))).id();
        String[] pit = {opened};
        CompletableFuture<SearchResponse<T>> next = null;
        long visited = 0;
        try {
            SearchResponse<T> result = searchPage(opened, null, query, order, projection, batchSize, type);
            while (true) {
                pit[0] = result.pitId() == null ? pit[0] : result.pitId();
                List<Hit<T>> hits = result.hits().hits();
                boolean last = hits.size() < batchSize;
                if (!last) {
                    String current = pit[0];
                    List<FieldValue> after = hits.get(hits.size() - 1).sort();
                    next = CompletableFuture.supplyAsync(() -> searchPage(current, after, query, order, projection, batchSize, type),
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
                                             UnaryOperator<SearchRequest.Builder> projection, int batchSize, Class<T> type) {
        return call(() -> client.search(s -> {
            s.size(batchSize).trackTotalHits(t -> t.enabled(false)).query(query)
                    .pit(p -> p.id(pit).keepAlive(KEEP_ALIVE)).sort(order);
            if (after != null) {
                s.searchAfter(after);
            }
            return projection.apply(s);
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

    /** Ids of one index to read in a multi-get, each document read as {@code type}. */
    public record Ids<T>(String index, Collection<String> ids, Class<T> type) {
    }

    /** What a multi-get over several indices found, per request. */
    public static final class Found {

        private final Map<Ids<?>, Map<String, Versioned<?>>> byRequest = new IdentityHashMap<>();

        /** The documents found for {@code request} (the very object the call was given), by id; absent ids are missing. */
        @SuppressWarnings("unchecked")
        public <T> Map<String, Versioned<T>> of(Ids<T> request) {
            Map<String, Versioned<?>> found = byRequest.get(request);
            if (found == null) {
                throw new IllegalArgumentException("not part of this multi-get: " + request.index());
            }
            return (Map<String, Versioned<T>>) (Map<String, ?>) found;
        }
    }

    /**
     * As {@link #getAll}, each document with its {@code _seq_no} and {@code _primary_term}, for the ids of several
     * indices in one real-time {@code _mget} (it sees every acknowledged write, refreshed or not) — one round trip where
     * a batch needs, say, the stored versions of its records and its persons, to compute replacements written only if
     * nothing changed since.
     * The answer is read as it streams in, each {@code _source} straight into its request's type (the typed client
     * would build its own objects for every document first). A document Elasticsearch could not read (a shard not
     * available) fails the call: taking it for absent would overwrite it unseen.
     */
    public Found getAllVersioned(List<Ids<?>> requests) {
        Found found = new Found();
        ObjectNode body = es.object();
        ArrayNode docs = body.putArray("docs");
        List<Ids<?>> order = new ArrayList<>(); // the request of each document asked for, in the answer's order
        for (Ids<?> request : requests) {
            found.byRequest.put(request, new LinkedHashMap<>());
            for (String id : new LinkedHashSet<>(request.ids())) {
                docs.addObject().put("_index", request.index()).put("_id", id);
                order.add(request);
            }
        }
        if (order.isEmpty()) {
            return found;
        }
        es.exchange("POST", "/_mget", body, Map.of(), in -> {
            try (JsonParser parser = es.mapper().createParser(in)) {
                toDocs(parser);
                for (Ids<?> request : order) {
                    if (parser.nextToken() != JsonToken.START_OBJECT) {
                        throw new IllegalStateException("_mget answered fewer documents than asked for");
                    }
                    readDoc(parser, request, found.byRequest.get(request));
                }
            }
            return null;
        });
        return found;
    }

    private static void toDocs(JsonParser parser) throws IOException {
        for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
            if (t == JsonToken.FIELD_NAME && "docs".equals(parser.currentName())) {
                parser.nextToken(); // the array
                return;
            }
        }
        throw new IllegalStateException("_mget answered no docs");
    }

    /** One document of an {@code _mget} answer, the parser on its opening brace; added to {@code into} when found. */
    private void readDoc(JsonParser parser, Ids<?> request, Map<String, Versioned<?>> into) throws IOException {
        String id = null;
        long seqNo = -1;
        long primaryTerm = 0;
        Object source = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "_id" -> id = parser.getText();
                case "_seq_no" -> seqNo = parser.getLongValue();
                case "_primary_term" -> primaryTerm = parser.getLongValue();
                case "_source" -> source = es.mapper().readValue(parser, request.type());
                case "error" -> throw new DependencyUnavailableException("elasticsearch", "could not read " + request.index()
                        + " by id: " + es.mapper().readValue(parser, JsonNode.class).path("reason").asText(), null);
                default -> parser.skipChildren();
            }
        }
        if (source != null) {
            into.put(id, new Versioned<>(id, source, seqNo, primaryTerm));
        }
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
