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
 * The counts behind the oversight figures in two aggregation requests: one over the drawn targets (drawn), one over the
 * results (entered, problems found, overdue, entered late) — each per task and stratum, and per industry section and
 * per street over all the tasks.
 */
@Service
public class OversightCounts {

    /** More strata than risk classes A–D never occur; the margin keeps an unexpected class visible rather than cut. */
    private static final int STRATA = 16;
    /** 20 GB/T 4754 sections and 17 streets: the margin again keeps an unexpected value visible. */
    private static final int GROUPS = 64;
    static final String SECTION = "industrySection";
    static final String STREET = "streetCode";

    private final ElasticsearchClient client;
    private final String targets;
    private final String results;

    public OversightCounts(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.targets = names.alias(DrawnTargets.INDEX.resource());
        this.results = names.alias(InspectionResults.INDEX.resource());
    }

    /**
     * What was counted for a set of tasks.
     *
     * @param strata    per task, then per stratum
     * @param bySection per industry section, over all the tasks
     * @param byStreet  per street, over all the tasks
     */
    public record Counted(Map<String, Map<String, StratumCounts>> strata, Map<String, GroupCounts> bySection,
                          Map<String, GroupCounts> byStreet) {
    }

    /** Counts of these tasks; {@code today} (Beijing) decides which results are overdue. */
    public Counted of(List<String> taskIds, LocalDate today) {
        Counted counted = new Counted(new HashMap<>(), new HashMap<>(), new HashMap<>());
        if (taskIds.isEmpty()) {
            return counted;
        }
        Query ofTasks = Query.of(q -> q.terms(t -> t.field("taskId").terms(v -> v.value(taskIds.stream().map(FieldValue::of).toList()))));
        Map<String, Aggregate> drawn = aggregate(targets, ofTasks, taskIds.size(), Map.of());
        strata(drawn).forEach((task, strata) -> strata.forEach((stratum, b) ->
                counted.strata().computeIfAbsent(task, k -> new HashMap<>()).put(stratum, new StratumCounts(b.docCount(), 0, 0, 0, 0))));
        groups(drawn, SECTION).forEach((group, b) -> counted.bySection().put(group, new GroupCounts(b.docCount(), 0, 0)));
        groups(drawn, STREET).forEach((group, b) -> counted.byStreet().put(group, new GroupCounts(b.docCount(), 0, 0)));

        Query overdue = allOf(List.of(Query.of(q -> q.bool(b -> b.mustNot(term("delivery.state", Delivery.State.DELIVERED.name())))),
                Query.of(q -> q.range(r -> r.date(d -> d.field("publicationDeadline").lt(today.toString()))))));
        Aggregation problems = Aggregation.of(a -> a.filter(term("outcome", InspectionOutcome.PROBLEMS_FOUND.name())));
        Map<String, Aggregation> figures = Map.of("problems", problems, "overdue", Aggregation.of(a -> a.filter(overdue)),
                "late", Aggregation.of(a -> a.filter(term("enteredLate", true))));
        Map<String, Aggregate> entered = aggregate(results, ofTasks, taskIds.size(), figures);
        strata(entered).forEach((task, strata) -> strata.forEach((stratum, b) -> {
            Map<String, StratumCounts> ofTask = counted.strata().computeIfAbsent(task, k -> new HashMap<>());
            long drawnHere = ofTask.getOrDefault(stratum, StratumCounts.NONE).drawn();
            ofTask.put(stratum, new StratumCounts(drawnHere, b.docCount(), count(b, "problems"), count(b, "overdue"), count(b, "late")));
        }));
        addEntered(counted.bySection(), groups(entered, SECTION));
        addEntered(counted.byStreet(), groups(entered, STREET));
        return counted;
    }

    /**
     * One search: buckets per task, then per risk class, with the given sub-aggregations inside each stratum; and
     * buckets per industry section and per street over all the tasks, each counting its problems found.
     */
    private Map<String, Aggregate> aggregate(String alias, Query query, int tasks, Map<String, Aggregation> inside) {
        Aggregation problems = Aggregation.of(a -> a.filter(term("outcome", InspectionOutcome.PROBLEMS_FOUND.name())));
        return call(() -> client.search(s -> s.index(alias).size(0).query(query)
                .aggregations("tasks", a -> a.terms(t -> t.field("taskId").size(tasks))
                        .aggregations("strata", sa -> sa.terms(t -> t.field("riskClass").size(STRATA)).aggregations(inside)))
                .aggregations(SECTION, a -> a.terms(t -> t.field(SECTION).size(GROUPS)).aggregations("problems", problems))
                .aggregations(STREET, a -> a.terms(t -> t.field(STREET).size(GROUPS)).aggregations("problems", problems)),
                Void.class)).aggregations();
    }

    private static Map<String, Map<String, StringTermsBucket>> strata(Map<String, Aggregate> aggregations) {
        Map<String, Map<String, StringTermsBucket>> buckets = new HashMap<>();
        for (StringTermsBucket task : aggregations.get("tasks").sterms().buckets().array()) {
            Map<String, StringTermsBucket> strata = buckets.computeIfAbsent(task.key().stringValue(), k -> new HashMap<>());
            task.aggregations().get("strata").sterms().buckets().array().forEach(s -> strata.put(s.key().stringValue(), s));
        }
        return buckets;
    }

    private static Map<String, StringTermsBucket> groups(Map<String, Aggregate> aggregations, String field) {
        Map<String, StringTermsBucket> buckets = new HashMap<>();
        aggregations.get(field).sterms().buckets().array().forEach(b -> buckets.put(b.key().stringValue(), b));
        return buckets;
    }

    private static void addEntered(Map<String, GroupCounts> groups, Map<String, StringTermsBucket> entered) {
        entered.forEach((group, b) -> groups.put(group,
                new GroupCounts(groups.getOrDefault(group, GroupCounts.NONE).drawn(), b.docCount(), count(b, "problems"))));
    }

    private static long count(StringTermsBucket bucket, String name) {
        return bucket.aggregations().get(name).filter().docCount();
    }
}
