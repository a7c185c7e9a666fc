package cn.dongcheng.platform.supervision.task;

import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;
import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static cn.dongcheng.platform.common.elasticsearch.Queries.asc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/** The drawn targets of every task: written once per draw, read for assignment and for the frequency window. */
@Service
public class DrawnTargets {

    public static final IndexDefinition INDEX = IndexDefinition.of("spot-check-targets");
    private static final int SCAN_BATCH = 5_000;

    private final ElasticsearchClient client;
    private final DocumentPages pages;
    private final String alias;

    public DrawnTargets(ElasticsearchClient client, DocumentPages pages, IndexNames names) {
        this.client = client;
        this.pages = pages;
        this.alias = names.alias(INDEX.resource());
    }

    /**
     * Writes the targets of a draw, each only where none is: a repeated write (completing one cut short) neither
     * duplicates a target nor undoes what was attached to it since (its inspectors).
     */
    public void saveAll(List<DrawnTarget> targets) {
        if (targets.isEmpty()) {
            return;
        }
        List<BulkOperation> operations = targets.stream().map(t -> BulkOperation.of(o -> o.create(c -> c.id(t.targetId()).document(t))))
                .toList();
        BulkResponse response = call(() -> client.bulk(b -> b.index(alias).refresh(Refresh.WaitFor).operations(operations)));
        if (response.errors() && response.items().stream().anyMatch(i -> i.error() != null && i.status() != 409)) {
            throw new IllegalStateException("drawn targets not all written: " + response.items().stream()
                    .filter(i -> i.error() != null && i.status() != 409).findFirst().map(i -> i.error().reason()).orElse("?"));
        }
    }

    public Page<DrawnTarget> ofTask(String taskId, PageRequest request) {
        return pages.page(alias, allOf(List.of(term("taskId", taskId))), List.of(asc("targetId")), request, DrawnTarget.class);
    }

    /**
     * The entities the window keeps out, each with why (item, task, day drawn): one scan of the targets drawn for the
     * window's items since the earliest day that can still be inside one.
     */
    public Map<String, String> keptOut(FrequencyWindow window) {
        Map<String, String> keptOut = new HashMap<>();
        if (window.windowDaysByItem().isEmpty()) {
            return keptOut;
        }
        List<FieldValue> items = window.windowDaysByItem().keySet().stream().map(FieldValue::of).toList();
        LocalDate since = window.earliestDayInside();
        Query query = allOf(List.of(
                Query.of(q -> q.terms(t -> t.field("items").terms(v -> v.value(items)))),
                Query.of(q -> q.range(r -> r.date(d -> d.field("drawnOn").gte(since.toString()))))));
        pages.scan(alias, query, List.of("taskId", "uscc", "items", "drawnOn"), SCAN_BATCH, DrawnTarget.class, batch -> {
            for (DrawnTarget target : batch) {
                window.keepsOut(target.items(), LocalDate.parse(target.drawnOn())).ifPresent(item ->
                        keptOut.putIfAbsent(target.uscc(), item + " drawn " + target.drawnOn() + " in " + target.taskId()));
            }
        });
        return keptOut;
    }
}
