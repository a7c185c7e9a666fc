package cn.dongcheng.platform.credit.record;

import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.JsonpUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Cursor pages of typed queries through common's {@link DocumentPages}, whose {@code page} still takes JSON trees on
 * this branch: the typed query is written as JSON once and handed over, so the cursor rules stay in one place. Once
 * {@code DocumentPages.page} takes a {@link Query} and {@link SortOptions} (branch typed-client), callers use it
 * directly and this class goes.
 */
class TypedQueryPages {

    private final DocumentPages pages;
    private final JsonpMapper jsonp;
    private final ObjectMapper json;

    TypedQueryPages(DocumentPages pages, ElasticsearchClient client, ObjectMapper json) {
        this.pages = pages;
        this.jsonp = client._jsonpMapper();
        this.json = json;
    }

    <T> Page<T> page(String alias, Query query, List<SortOptions> sort, PageRequest request, Class<T> type) {
        ArrayNode sorts = json.createArrayNode();
        sort.forEach(s -> sorts.add(tree(JsonpUtils.toJsonString(s, jsonp))));
        return pages.page(alias, (ObjectNode) tree(JsonpUtils.toJsonString(query, jsonp)), sorts, request, type);
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
