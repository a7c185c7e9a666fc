package cn.dongcheng.platform.credit.watch;

import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.credit.sanction.CheckedSubject;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;
import static cn.dongcheng.platform.common.elasticsearch.Queries.asc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/**
 * Watch lists (监测名单) in {@code credit-watch-subjects}: one document per owner and subject, id
 * {@code SHA-256(owner \n subject)}, so adding a subject twice stores it once and no ID number is in an id. One
 * document per subject (rather than one list per owner) lets a record's writer ask "is anyone watching this subject"
 * with one terms query. Writes wait for a refresh: the list and the feed show a change as soon as it is answered.
 */
final class WatchLists {

    static final IndexDefinition INDEX = IndexDefinition.of("watch-subjects");
    /** Elasticsearch's own window for one search: far above any configured list limit */
    private static final int MAX_READ = 10_000;

    private final ElasticsearchClient client;
    private final DocumentPages pages;
    private final String alias;

    WatchLists(ElasticsearchClient client, DocumentPages pages, String alias) {
        this.client = client;
        this.pages = pages;
        this.alias = alias;
    }

    String alias() {
        return alias;
    }

    /**
     * The owner's subjects, oldest first: one search reads them all, since a list stays near its limit (adds at the
     * same moment may pass it a little, see {@link Watch#add}).
     */
    List<WatchedSubject> of(String owner) {
        return call(() -> client.search(s -> s.index(alias).size(MAX_READ).query(term("owner", owner))
                .sort(asc("addedAt"), asc("subjectKey")), WatchedSubject.class)).hits().hits().stream().map(Hit::source).toList();
    }

    long count(String owner) {
        return call(() -> client.count(c -> c.index(alias).query(term("owner", owner)))).count();
    }

    /** Adds the subjects not on the list yet; returns how many were new. */
    int add(String owner, Collection<CheckedSubject> subjects, String now) {
        if (subjects.isEmpty()) {
            return 0;
        }
        List<BulkResponseItem> items = call(() -> client.bulk(b -> {
            subjects.forEach(s -> b.operations(op -> op.create(c -> c.index(alias).id(id(owner, s.key()))
                    .document(new WatchedSubject(owner, s.type(), s.key(), now)))));
            return b.refresh(Refresh.WaitFor);
        })).items();
        return (int) items.stream().filter(i -> check(i) == 201).count();
    }

    /** Removes the subjects; returns how many were on the list. */
    int remove(String owner, Collection<String> subjectKeys) {
        if (subjectKeys.isEmpty()) {
            return 0;
        }
        List<BulkResponseItem> items = call(() -> client.bulk(b -> {
            subjectKeys.forEach(k -> b.operations(op -> op.delete(d -> d.index(alias).id(id(owner, k)))));
            return b.refresh(Refresh.WaitFor);
        })).items();
        return (int) items.stream().filter(i -> check(i) == 200).count();
    }

    /** Which of the subjects are on the owner's list already (a real-time read by id). */
    Set<String> onList(String owner, Collection<String> subjectKeys) {
        Set<String> present = new HashSet<>();
        pages.getAll(alias, subjectKeys.stream().map(k -> id(owner, k)).toList(), WatchedSubject.class)
                .values().forEach(s -> present.add(s.subjectKey()));
        return present;
    }

    /** Which of the subjects anyone watches. */
    Set<String> watchedAmong(Collection<String> subjectKeys) {
        Set<String> watched = new HashSet<>();
        if (subjectKeys.isEmpty()) {
            return watched;
        }
        Query query = Query.of(q -> q.terms(t -> t.field("subjectKey")
                .terms(v -> v.value(subjectKeys.stream().distinct().map(FieldValue::of).toList()))));
        pages.scan(alias, query, List.of("subjectKey"), 1_000, WatchedSubject.class,
                batch -> batch.forEach(s -> watched.add(s.subjectKey())));
        return watched;
    }

    private static int check(BulkResponseItem item) {
        int status = item.status();
        if (status >= 300 && status != 409 && status != 404) {
            throw new IllegalStateException("watch list write failed: " + item.error());
        }
        return status;
    }

    private static String id(String owner, String subjectKey) {
        return WatchEventDerivation.eventId(owner + "\n" + subjectKey);
    }
}
