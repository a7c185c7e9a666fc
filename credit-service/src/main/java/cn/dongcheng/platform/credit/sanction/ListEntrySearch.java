package cn.dongcheng.platform.credit.sanction;

import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;

/**
 * Reads the list entries in force for a whole batch. Requests to Elasticsearch per check: <b>one</b> {@code _search}
 * (a terms query over all the batch's codes and ID numbers, restricted to the list categories and the entries in
 * force, size {@value #PAGE}) whenever the batch has at most {@value #PAGE} such entries — with 10,000 subjects and
 * a few percent of them listed, always. Only beyond that: a point in time, {@code search_after} pages of
 * {@value #PAGE} and its close (3 + hits/{@value #PAGE} more), so the answer is one consistent snapshot. Never one
 * request per subject.
 */
class ListEntrySearch {

    static final int PAGE = 10_000;
    /** What the answer shows of an entry; the rest of the record stays in the index. */
    static final List<String> FIELDS = List.of("recordId", "subjectType", "uscc", "idNumber", "subjectName", "category",
            "decisionNumber", "decisionDate", "authority", "exitDate", "status", "statusDate", "publication.latestEnd");

    private final ElasticsearchClient client;
    private final DocumentPages pages;
    private final String alias;
    private final int pageSize;

    ListEntrySearch(ElasticsearchClient client, DocumentPages pages, String alias, int pageSize) {
        this.client = client;
        this.pages = pages;
        this.alias = alias;
        this.pageSize = pageSize;
    }

    /** Every list entry of these subjects in force on {@code asOf}. */
    List<CreditRecordDocument> inForce(Collection<String> usccs, Collection<String> idNumbers, LocalDate asOf) {
        if (usccs.isEmpty() && idNumbers.isEmpty()) {
            return List.of();
        }
        Query query = ListEntriesInForce.of(usccs, idNumbers, asOf);
        SearchResponse<CreditRecordDocument> first = call(() -> client.search(s -> s.index(alias).size(pageSize).query(query)
                .trackTotalHits(t -> t.count(pageSize + 1)).source(src -> src.filter(f -> f.includes(FIELDS))),
                CreditRecordDocument.class));
        List<Hit<CreditRecordDocument>> hits = first.hits().hits();
        long total = first.hits().total() == null ? hits.size() : first.hits().total().value();
        if (total <= hits.size()) {
            return hits.stream().map(Hit::source).toList();
        }
        // more than a page: read them all again from one snapshot rather than stitch pages of a changing index
        List<CreditRecordDocument> all = new ArrayList<>();
        pages.scan(alias, query, FIELDS, pageSize, CreditRecordDocument.class, all::addAll);
        return all;
    }
}
