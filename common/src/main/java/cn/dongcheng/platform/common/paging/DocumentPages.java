package cn.dongcheng.platform.common.paging;

import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.elasticsearch.ElasticsearchStatusException;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reading documents of one index: get by id, and cursor paging with {@code search_after} (works past 10,000 hits,
 * unlike from/size). The cursor is the last hit's sort values, base64url-encoded; the sort must end in a unique field.
 */
public class DocumentPages {

    private final ElasticsearchJson es;

    public DocumentPages(ElasticsearchJson es) {
        this.es = es;
    }

    public <T> Optional<T> get(String alias, String id, Class<T> type) {
        return Optional.ofNullable(es.getAs("/" + alias + "/_source/" + urlSegment(id), type));
    }

    /**
     * @param query a query object ({@code {"bool":...}}), built from typed values
     * @param sort  sort clauses, the last one on a unique keyword (the natural key)
     */
    public <T> Page<T> page(String alias, ObjectNode query, ArrayNode sort, PageRequest request, Class<T> type) {
        ObjectNode body = es.object();
        body.put("size", request.size());
        body.set("query", query);
        body.set("sort", sort);
        body.put("track_total_hits", 100_000);
        if (request.cursor() != null) {
            body.set("search_after", decode(request.cursor()));
        }
        JsonNode result;
        try {
            result = es.send("POST", "/" + alias + "/_search", body);
        } catch (ElasticsearchStatusException e) {
            if (e.status() == 400 && request.cursor() != null) {
                throw new InvalidInputException("cursor", "does not belong to this query");
            }
            throw e;
        }
        JsonNode hits = result.path("hits").path("hits");
        List<T> items = new ArrayList<>(hits.size());
        for (JsonNode hit : hits) {
            items.add(es.mapper().convertValue(hit.path("_source"), type));
        }
        String next = hits.size() == request.size() ? encode(hits.get(hits.size() - 1).path("sort")) : null;
        JsonNode total = result.path("hits").path("total");
        return new Page<>(items, next, total.path("value").asLong(), "gte".equals(total.path("relation").asText()));
    }

    /**
     * Visits every hit of a query in batches, over a point in time with {@code search_after} on {@code _shard_doc}:
     * a consistent snapshot, no 10,000-hit window, constant memory. {@code sourceFields} limits what comes back
     * (null: the whole document).
     *
     * @return the number of hits visited
     */
    public long scan(String index, ObjectNode query, List<String> sourceFields, int batchSize, Consumer<JsonNode> batch) {
        String pit = es.send("POST", "/" + index + "/_pit", null, java.util.Map.of("keep_alive", "2m")).path("id").asText();
        long visited = 0;
        JsonNode searchAfter = null;
        try {
            while (true) {
                ObjectNode body = es.object();
                body.put("size", batchSize);
                body.put("track_total_hits", false);
                body.set("query", query);
                body.putObject("pit").put("id", pit).put("keep_alive", "2m");
                body.putArray("sort").addObject().put("_shard_doc", "asc");
                if (sourceFields != null) {
                    ArrayNode includes = body.putArray("_source");
                    sourceFields.forEach(includes::add);
                }
                if (searchAfter != null) {
                    body.set("search_after", searchAfter);
                }
                JsonNode result = es.send("POST", "/_search", body);
                pit = result.path("pit_id").asText(pit);
                JsonNode hits = result.path("hits").path("hits");
                if (hits.isEmpty()) {
                    return visited;
                }
                batch.accept(hits);
                visited += hits.size();
                searchAfter = hits.get(hits.size() - 1).path("sort");
            }
        } finally {
            try {
                es.send("DELETE", "/_pit", es.object().put("id", pit));
            } catch (RuntimeException e) {
                // the point in time expires by itself after keep_alive
            }
        }
    }

    /**
     * Several documents by id in one round trip; missing ids are simply absent from the map. The answer is read as it
     * streams in, each {@code _source} straight into {@code type}: no tree of thousands of documents in between.
     */
    public <T> java.util.Map<String, T> getAll(String index, java.util.Collection<String> ids, Class<T> type) {
        java.util.Map<String, T> found = new java.util.LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        ObjectNode body = es.object();
        ArrayNode list = body.putArray("ids");
        ids.forEach(list::add);
        com.fasterxml.jackson.databind.ObjectReader reader = es.mapper().readerFor(type);
        // no filter_path or _source filtering: Elasticsearch spends more filtering a document than sending it whole
        return es.exchange("POST", "/" + index + "/_mget", body, java.util.Map.of(), in -> {
            try (JsonParser parser = es.mapper().getFactory().createParser(in)) {
                // {"docs":[{"_id":"…","_source":{…}}, {"_id":"…"} (not found), …]}
                while (parser.nextToken() != null) {
                    if (parser.currentToken() == JsonToken.FIELD_NAME && "docs".equals(parser.currentName())) {
                        parser.nextToken(); // [
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            String id = null;
                            T source = null;
                            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                                String field = parser.currentName();
                                parser.nextToken();
                                if ("_id".equals(field)) {
                                    id = parser.getText();
                                } else if ("_source".equals(field)) {
                                    source = reader.readValue(parser);
                                } else {
                                    parser.skipChildren();
                                }
                            }
                            if (id != null && source != null) {
                                found.put(id, source);
                            }
                        }
                    }
                }
            }
            return found;
        });
    }

    private String encode(JsonNode sortValues) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortValues.toString().getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode decode(String cursor) {
        try {
            JsonNode node = es.mapper().readTree(Base64.getUrlDecoder().decode(cursor));
            if (!node.isArray()) {
                throw new InvalidInputException("cursor", "is not a cursor this service issued");
            }
            return node;
        } catch (IllegalArgumentException | IOException e) {
            throw new InvalidInputException("cursor", "is not a cursor this service issued");
        }
    }

    private static String urlSegment(String id) {
        return java.net.URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
