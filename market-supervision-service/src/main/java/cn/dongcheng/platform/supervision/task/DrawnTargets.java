package cn.dongcheng.platform.supervision.task;

import cn.dongcheng.platform.common.elasticsearch.GuardedDocuments;
import cn.dongcheng.platform.common.elasticsearch.Versioned;
import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.problem.ConflictException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;
import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static cn.dongcheng.platform.common.elasticsearch.Queries.asc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/** The drawn targets of every task: written once per draw, read for assignment and for the frequency window. */
@Service
public class DrawnTargets {

    public static final IndexDefinition INDEX = IndexDefinition.of("spot-check-targets");
    private static final int SCAN_BATCH = 5_000;
    private static final int WRITE_BATCH = 5_000;
    /** Terms per query: well below Elasticsearch's index.max_terms_count (65,536). */
    private static final int TERMS_SLICE = 10_000;

    private final ElasticsearchClient client;
    private final DocumentPages pages;
    private final GuardedDocuments documents;
    private final String alias;

    public DrawnTargets(ElasticsearchClient client, DocumentPages pages, GuardedDocuments documents, IndexNames names) {
        this.client = client;
        this.pages = pages;
        this.documents = documents;
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
        // refreshed at once: the assignment that follows searches them, and a scheduled refresh is up to a second away
        BulkResponse response = call(() -> client.bulk(b -> b.index(alias).refresh(Refresh.True).operations(operations)));
        if (response.errors() && response.items().stream().anyMatch(i -> i.error() != null && i.status() != 409)) {
            throw new IllegalStateException("drawn targets not all written: " + response.items().stream()
                    .filter(i -> i.error() != null && i.status() != 409).findFirst().map(i -> i.error().reason()).orElse("?"));
        }
    }

    /**
     * Every target of a task in target-id order, each with the version a guarded write must match
     * ({@code seq_no_primary_term}): pages of {@value #SCAN_BATCH} after the last target id (no point in time needed:
     * the ids of a task's targets never change once drawn). The assignment reads them once, for the teams and for their
     * write; a multi-get of the versions before the write took about as long again as this read.
     */
    public List<Versioned<DrawnTarget>> allOfTask(String taskId) {
        List<Versioned<DrawnTarget>> all = new ArrayList<>();
        Query ofTask = allOf(List.of(term("taskId", taskId)));
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            SearchResponse<DrawnTarget> page = call(() -> client.search(s -> {
                s.index(alias).query(ofTask).sort(asc("targetId")).size(SCAN_BATCH).seqNoPrimaryTerm(true)
                        .trackTotalHits(t -> t.enabled(false));
                return from == null ? s : s.searchAfter(from);
            }, DrawnTarget.class));
            List<Hit<DrawnTarget>> hits = page.hits().hits();
            hits.forEach(h -> all.add(new Versioned<>(h.id(), h.source(), h.seqNo(), h.primaryTerm())));
            if (hits.size() < SCAN_BATCH) {
                return all;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    public Optional<Versioned<DrawnTarget>> get(String taskId, String uscc) {
        return documents.get(alias, DrawnTarget.id(taskId, uscc), DrawnTarget.class);
    }

    /**
     * Attaches each assignment to exactly the version of its target read, in bulk requests of {@value #WRITE_BATCH}
     * (one write per target in turn, each waiting for a refresh, took about a second a target); 409 when any target
     * changed in between. Each bulk is refreshed at once: the versions are read by a search, which must see every write
     * acknowledged before it (a retry after a failure half-way finds the teams written so far, not a 409).
     */
    public void assignAll(Map<Versioned<DrawnTarget>, TargetAssignment> assignments) {
        List<Map.Entry<Versioned<DrawnTarget>, TargetAssignment>> all = List.copyOf(assignments.entrySet());
        for (int from = 0; from < all.size(); from += WRITE_BATCH) {
            List<BulkOperation> operations = all.subList(from, Math.min(all.size(), from + WRITE_BATCH)).stream().map(e -> {
                Versioned<DrawnTarget> read = e.getKey();
                DrawnTarget t = read.document();
                DrawnTarget assigned = new DrawnTarget(t.targetId(), t.taskId(), t.uscc(), t.riskClass(), t.streetCode(),
                        t.industrySection(), t.items(), t.departments(), t.selectionOrder(), t.drawnOn(), t.drawnAt(), e.getValue());
                return BulkOperation.of(o -> o.index(i -> i.id(read.id()).document(assigned).ifSeqNo(read.seqNo())
                        .ifPrimaryTerm(read.primaryTerm())));
            }).toList();
            BulkResponse response = call(() -> client.bulk(b -> b.index(alias).refresh(Refresh.True).operations(operations)));
            if (response.errors()) {
                BulkResponseItem failed = response.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow();
                if (failed.status() == 409) {
                    throw new ConflictException("target " + failed.id() + " changed while being assigned");
                }
                throw new IllegalStateException("targets not all assigned: " + failed.error().reason());
            }
        }
    }

    /**
     * The assigned targets of other tasks of these entities (who inspected them last) or on these inspectors' desks
     * (their workload) — either list may be empty — in one scan per {@value #TERMS_SLICE} terms of each list (one in
     * all, usually: a point in time, its pages and its closing per list took a scan more).
     */
    public List<DrawnTarget> assignedOutside(String taskId, List<String> usccs, List<String> badgeNumbers) {
        Map<String, DrawnTarget> found = new LinkedHashMap<>();
        for (int from = 0; from < Math.max(usccs.size(), badgeNumbers.size()); from += TERMS_SLICE) {
            List<FieldValue> entities = slice(usccs, from);
            List<FieldValue> inspectors = slice(badgeNumbers, from);
            Query either = Query.of(q -> q.bool(b -> {
                if (!entities.isEmpty()) {
                    b.should(s -> s.terms(t -> t.field("uscc").terms(v -> v.value(entities))));
                }
                if (!inspectors.isEmpty()) {
                    b.should(s -> s.terms(t -> t.field("assignment.inspectors").terms(v -> v.value(inspectors))));
                }
                return b;
            }));
            Query query = Query.of(q -> q.bool(b -> b.filter(f -> f.exists(e -> e.field("assignment.inspectors"))).filter(either)
                    .mustNot(term("taskId", taskId))));
            pages.scan(alias, query, null, SCAN_BATCH, DrawnTarget.class, batch -> batch.forEach(t -> found.putIfAbsent(t.targetId(), t)));
        }
        return List.copyOf(found.values());
    }

    private static List<FieldValue> slice(List<String> values, int from) {
        return from >= values.size() ? List.of()
                : values.subList(from, Math.min(values.size(), from + TERMS_SLICE)).stream().map(FieldValue::of).toList();
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
