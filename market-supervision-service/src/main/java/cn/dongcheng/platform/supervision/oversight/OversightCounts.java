package cn.dongcheng.platform.supervision.oversight;

import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.supervision.result.Delivery;
import cn.dongcheng.platform.supervision.result.InspectionOutcome;
import cn.dongcheng.platform.supervision.result.InspectionResults;
import cn.dongcheng.platform.supervision.task.DrawnTargets;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;
import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/**
 * The counts behind the oversight figures, per task and stratum, in two aggregation requests: one over the drawn
 * targets (drawn), one over the results (entered, problems found, overdue, entered late).
 */
@Service
public class OversightCounts {

    /** More strata than risk classes A–D never occur; the margin keeps an unexpected class visible rather than cut. */
    private static final int STRATA = 16;

    private final ElasticsearchClient client;
    private final String targets;
    private final String results;

    public OversightCounts(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.targets = names.alias(DrawnTargets.INDEX.resource());
        this.results = names.alias(InspectionResults.INDEX.resource());
    }

    /** Counts per task and stratum; {@code today} (Beijing) decides which results are overdue. */
    public Map<String, Map<String, StratumCounts>> of(List<String> taskIds, LocalDate today) {
        Map<String, Map<String, StratumCounts>> counts = new HashMap<>();
        if (taskIds.isEmpty()) {
            return counts;
        }
        Query ofTasks = Query.of(q -> q.terms(t -> t.field("taskId").terms(v -> v.value(taskIds.stream().map(FieldValue::of).toList()))));
        Map<String, Aggregation> none = Map.of();
        strata(targets, ofTasks, taskIds.size(), none).forEach((task, strata) -> strata.forEach((stratum, b) ->
                counts.computeIfAbsent(task, k -> new HashMap<>()).put(stratum, new StratumCounts(b.docCount(), 0, 0, 0, 0))));

        Query overdue = allOf(List.of(Query.of(q -> q.bool(b -> b.mustNot(term("delivery.state", Delivery.State.DELIVERED.name())))),
                Query.of(q -> q.range(r -> r.date(d -> d.field("publicationDeadline").lt(today.toString()))))));
        Map<String, Aggregation> figures = Map.of(
                "problems", Aggregation.of(a -> a.filter(term("outcome", InspectionOutcome.PROBLEMS_FOUND.name()))),
                "overdue", Aggregation.of(a -> a.filter(overdue)),
                "late", Aggregation.of(a -> a.filter(term("enteredLate", true))));
        strata(results, ofTasks, taskIds.size(), figures).forEach((task, strata) -> strata.forEach((stratum, b) -> {
            Map<String, StratumCounts> ofTask = counts.computeIfAbsent(task, k -> new HashMap<>());
            long drawn = ofTask.getOrDefault(stratum, StratumCounts.NONE).drawn();
            ofTask.put(stratum, new StratumCounts(drawn, b.docCount(), count(b, "problems"), count(b, "overdue"), count(b, "late")));
        }));
        return counts;
    }

    /** Buckets per task, then per risk class, with the given sub-aggregations inside each stratum. */
    private Map<String, Map<String, StringTermsBucket>> strata(String alias, Query query, int tasks, Map<String, Aggregation> inside) {
        Aggregate byTask = call(() -> client.search(s -> s.index(alias).size(0).query(query)
                .aggregations("tasks", a -> a.terms(t -> t.field("taskId").size(tasks))
                        .aggregations("strata", sa -> sa.terms(t -> t.field("riskClass").size(STRATA)).aggregations(inside))),
                Void.class)).aggregations().get("tasks");
        Map<String, Map<String, StringTermsBucket>> buckets = new HashMap<>();
        for (StringTermsBucket task : byTask.sterms().buckets().array()) {
            Map<String, StringTermsBucket> strata = buckets.computeIfAbsent(task.key().stringValue(), k -> new HashMap<>());
            task.aggregations().get("strata").sterms().buckets().array().forEach(s -> strata.put(s.key().stringValue(), s));
        }
        return buckets;
    }

    private static long count(StringTermsBucket bucket, String name) {
        return bucket.aggregations().get(name).filter().docCount();
    }
}
