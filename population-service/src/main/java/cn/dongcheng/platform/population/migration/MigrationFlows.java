package cn.dongcheng.platform.population.migration;

import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.population.linkage.PersonSources;
import cn.dongcheng.platform.population.linkage.SourceRecord;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;

/**
 * Migration flows (人口迁移流向) from the source records: a move needs the record before it, which one aggregation
 * cannot pair, so this is a documented two-step scan. (1) A composite aggregation pages through the ID numbers that
 * have a record which could date a move in the period (its {@code residenceSince}, or without one its
 * {@code sourceDate}, inside it). (2) For each page of up to {@value #PAGE} persons, all their records are read and
 * their moves counted ({@link ResidenceMoves}). Memory holds one page; persons without such a record are never read.
 */
@Service
public class MigrationFlows {

    static final int PAGE = 1000;
    private static final int MAX_DAYS = 366 * 20;

    private final ElasticsearchClient client;
    private final DocumentPages pages;
    private final PersonSources sources;

    public MigrationFlows(ElasticsearchClient client, DocumentPages pages, PersonSources sources) {
        this.client = client;
        this.pages = pages;
        this.sources = sources;
    }

    public MigrationFlowMatrix between(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new InvalidInputException(from == null ? "from" : "to", "is required (yyyy-MM-dd)");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "is before from (" + from + ")");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidInputException("to", "the period is longer than 20 years");
        }
        MigrationFlowMatrix.Builder matrix = new MigrationFlowMatrix.Builder();
        Map<String, FieldValue> after = null;
        do {
            CompositeAggregate page = candidates(from, to, after);
            List<String> ids = page.buckets().array().stream().map(b -> b.key().get("id").stringValue()).toList();
            if (!ids.isEmpty()) {
                countMoves(ids, from, to, matrix);
            }
            after = ids.size() < PAGE || page.afterKey() == null ? null : new HashMap<>(page.afterKey());
        } while (after != null);
        return matrix.build(from, to);
    }

    /** One page of ID numbers with a record that could date a move in the period. */
    private CompositeAggregate candidates(LocalDate from, LocalDate to, Map<String, FieldValue> after) {
        Query since = Query.of(q -> q.range(r -> r.date(d -> d.field("residenceSince").gte(from.toString()).lte(to.toString()))));
        Query observed = Query.of(q -> q.bool(b -> b
                .filter(f -> f.range(r -> r.date(d -> d.field("sourceDate").gte(from.toString()).lte(to.toString()))))
                .mustNot(m -> m.exists(e -> e.field("residenceSince")))));
        Query query = Query.of(q -> q.bool(b -> b.should(since).should(observed).minimumShouldMatch("1")));
        Map<String, CompositeAggregationSource> byId = Map.of("id",
                CompositeAggregationSource.of(s -> s.terms(t -> t.field("idNumber"))));
        return call(() -> client.search(s -> s.index(sources.alias()).size(0).query(query)
                .aggregations("persons", a -> a.composite(c -> {
                    c.size(PAGE).sources(List.of(byId));
                    if (after != null) {
                        c.after(after);
                    }
                    return c;
                })), Void.class)).aggregations().get("persons").composite();
    }

    /** All records of these persons, grouped per person, their moves counted. */
    private void countMoves(List<String> ids, LocalDate from, LocalDate to, MigrationFlowMatrix.Builder matrix) {
        Map<String, List<SourceRecord>> byPerson = new HashMap<>();
        pages.scan(sources.alias(), PersonSources.recordsOf(ids), null, PAGE, SourceRecord.class,
                hits -> hits.forEach(r -> byPerson.computeIfAbsent(r.idNumber(), k -> new ArrayList<>()).add(r)));
        byPerson.values().forEach(records -> ResidenceMoves.of(records, from, to).forEach(matrix::add));
    }
}
