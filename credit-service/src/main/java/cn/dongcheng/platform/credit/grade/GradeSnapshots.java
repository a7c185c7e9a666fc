package cn.dongcheng.platform.credit.grade;

import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;
import cn.dongcheng.platform.credit.record.CreditRecordStore;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldAndFormat;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;
import static cn.dongcheng.platform.common.elasticsearch.Queries.asc;

/**
 * Stored grades of legal persons (信用评价结果, {@code credit-grades}): today's grade is read from its snapshot while
 * the snapshot is valid ({@link GradeSnapshot#validOn}), else recomputed from the records and stored. Kept correct by
 * construction: every write of records recomputes its subjects ({@link GradeSnapshotRefresh}), a date in
 * {@link RecordsInForce#nextChange} ends a snapshot's validity, and a scorecard of another version invalidates all.
 *
 * <p>A snapshot is written with the external version of the newest {@code updatedAt} among the records it was
 * computed from ({@code external_gte}), so of two computations racing after concurrent writes the one that saw the
 * later records stays. A code with no record gets the scorecard's baseline and no snapshot: there is nothing to keep.
 */
@Service
public class GradeSnapshots {

    public static final IndexDefinition INDEX = IndexDefinition.of("grades");
    /** subjects per records read and per bulk write */
    static final int CHUNK = 1_000;
    private static final int RECORD_PAGE = 5_000;
    private static final List<String> SUMMARY = List.of("score", "grade", "riskClass", "ruleVersion", "asOf", "validUntil",
            "recordsInForce");
    private static final List<String> RECORD_FIELDS = Stream.concat(RecordsInForce.FIELDS.stream(), Stream.of("updatedAt")).toList();
    /** the order a grade lists its records in: newest decision first */
    private static final Comparator<CreditRecordDocument> NEWEST_FIRST = Comparator.comparing(CreditRecordDocument::decisionDate,
            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(CreditRecordDocument::recordId);

    private final ElasticsearchClient client;
    private final DocumentPages pages;
    private final Scorecard scorecard;
    private final Clock clock;
    private final String alias;
    private final String recordsAlias;

    public GradeSnapshots(ElasticsearchClient client, DocumentPages pages, Scorecard scorecard, CreditRecordStore records,
                          IndexNames names, Clock clock) {
        this.client = client;
        this.pages = pages;
        this.scorecard = scorecard;
        this.clock = clock;
        this.alias = names.alias(INDEX.resource());
        this.recordsAlias = records.alias();
    }

    public String alias() {
        return alias;
    }

    /** A legal person's grade on {@code today}, with its explanation. */
    Grade of(String uscc, LocalDate today) {
        return pages.get(alias, uscc, GradeSnapshot.class).filter(s -> s.validOn(today, scorecard.version()))
                .map(s -> s.on(today)).orElseGet(() -> recompute(List.of(uscc), today).get(uscc));
    }

    /**
     * The grades of up to 10,000 codes on {@code today} without their explanation lines: one search of the snapshots'
     * doc values, the missing and stale ones recomputed (and stored) from their records.
     *
     * <p>Why a search and not a multi-get: a snapshot's {@code _source} carries its explanation (about 3.5 KB), and
     * Elasticsearch parsing it to pick the summary fields cost 0.25–0.5 s per 10,000 codes, the doc values 0.09–0.2 s
     * (measured on the city data set, 2026-11-30). A search sees what was refreshed, so {@link #recompute} refreshes
     * the snapshots it stores before it returns.
     */
    Map<String, Grade> summariesOf(Collection<String> codes, LocalDate today) {
        List<String> ids = List.copyOf(codes);
        Map<String, Grade> grades = new HashMap<>();
        List<String> recompute = new ArrayList<>();
        Map<String, GradeSnapshot> stored = new HashMap<>();
        SearchResponse<Void> found = call(() -> client.search(s -> s.index(alias).size(ids.size()).trackTotalHits(t -> t.enabled(false))
                .source(src -> src.fetch(false)).query(q -> q.ids(i -> i.values(ids)))
                .docvalueFields(SUMMARY.stream().map(f -> FieldAndFormat.of(ff -> ff.field(f))).toList()), Void.class));
        for (Hit<Void> hit : found.hits().hits()) {
            stored.put(hit.id(), summary(hit.id(), hit.fields()));
        }
        for (String code : ids) {
            GradeSnapshot snapshot = stored.get(code);
            if (snapshot != null && snapshot.validOn(today, scorecard.version())) {
                grades.put(code, snapshot.on(today));
            } else {
                recompute.add(code);
            }
        }
        if (!recompute.isEmpty()) {
            Set<String> withRecords = withRecords(recompute);
            Grade baseline = scorecard.baseline(today);
            recompute.stream().filter(code -> !withRecords.contains(code)).forEach(code -> grades.put(code, baseline));
            grades.putAll(recompute(recompute.stream().filter(withRecords::contains).toList(), today));
        }
        return grades;
    }

    /**
     * Which of these codes have any record: one aggregation over the records' {@code uscc} doc values. Most legal
     * persons have none (no snapshot is kept for them), so a pool's batch is mostly answered here instead of by a
     * point-in-time read of records per thousand codes.
     */
    private Set<String> withRecords(List<String> codes) {
        Set<String> found = new HashSet<>();
        SearchResponse<Void> answer = call(() -> client.search(s -> s.index(recordsAlias).size(0).trackTotalHits(t -> t.enabled(false))
                .query(q -> q.terms(t -> t.field("uscc").terms(v -> v.value(codes.stream().map(FieldValue::of).toList()))))
                .aggregations("subjects", a -> a.terms(t -> t.field("uscc").size(codes.size()))), Void.class));
        answer.aggregations().get("subjects").sterms().buckets().array().forEach(b -> found.add(b.key().stringValue()));
        return found;
    }

    /** A snapshot's summary from its doc values (each field an array of one value; {@code validUntil} may be absent). */
    private static GradeSnapshot summary(String uscc, Map<String, JsonData> fields) {
        return new GradeSnapshot(uscc, (int) number(fields, "score"), CreditGrade.valueOf(text(fields, "grade")),
                RiskClass.valueOf(text(fields, "riskClass")), text(fields, "ruleVersion"), date(fields, "asOf"),
                date(fields, "validUntil"), (int) number(fields, "recordsInForce"), null, null, null, null);
    }

    private static JsonValue first(Map<String, JsonData> fields, String name) {
        JsonData value = fields.get(name);
        return value == null ? null : value.toJson().asJsonArray().get(0);
    }

    private static String text(Map<String, JsonData> fields, String name) {
        JsonValue value = first(fields, name);
        return value == null ? null : ((JsonString) value).getString();
    }

    private static long number(Map<String, JsonData> fields, String name) {
        JsonValue value = first(fields, name);
        return value == null ? 0 : ((JsonNumber) value).longValue();
    }

    private static LocalDate date(Map<String, JsonData> fields, String name) {
        String value = text(fields, name);
        return value == null ? null : LocalDate.parse(value);
    }

    /**
     * After records were written: recomputes today's snapshot of every legal person they belong to. The records index
     * is refreshed first, so the subjects' records are read as now stored, this write included.
     *
     * @return the subjects recomputed
     */
    int refreshSubjectsOf(Collection<String> recordIds) {
        call(() -> client.indices().refresh(r -> r.index(recordsAlias)));
        List<String> ids = List.copyOf(recordIds);
        Set<String> subjects = new LinkedHashSet<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            pages.getAll(recordsAlias, ids.subList(from, Math.min(ids.size(), from + CHUNK)), CreditRecordDocument.class).values()
                    .stream().map(CreditRecordDocument::uscc).filter(Objects::nonNull).forEach(subjects::add);
        }
        recompute(subjects, LocalDate.now(clock));
        return subjects.size();
    }

    /**
     * Recomputes and stores the snapshots of these codes from all their records, {@value #CHUNK} subjects per read and
     * per bulk; a code without records gets the baseline, not stored.
     */
    Map<String, Grade> recompute(Collection<String> codes, LocalDate today) {
        List<String> ids = List.copyOf(codes);
        Map<String, Grade> grades = new HashMap<>();
        String now = OffsetDateTime.now(clock).toString();
        boolean stored = false;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            Map<String, List<CreditRecordDocument>> bySubject = new HashMap<>();
            Query query = Query.of(q -> q.terms(t -> t.field("uscc").terms(v -> v.value(chunk.stream().map(FieldValue::of).toList()))));
            pages.scan(recordsAlias, query, RECORD_FIELDS, RECORD_PAGE, CreditRecordDocument.class,
                    batch -> batch.forEach(r -> bySubject.computeIfAbsent(r.uscc(), k -> new ArrayList<>()).add(r)));
            List<Computed> computed = new ArrayList<>();
            for (String code : chunk) {
                List<CreditRecordDocument> records = bySubject.get(code);
                if (records == null) {
                    grades.put(code, scorecard.baseline(today));
                } else {
                    Computed c = compute(code, records, today, now);
                    computed.add(c);
                    grades.put(code, c.grade());
                }
            }
            store(computed);
            stored |= !computed.isEmpty();
        }
        if (stored) {
            // visible to the batch read of risk classes (a search) before the write or read that recomputed them answers
            call(() -> client.indices().refresh(r -> r.index(alias)));
        }
        return grades;
    }

    /**
     * Every legal person's snapshot for {@code today}: their records in code order over one point in time
     * ({@code search_after}), each subject graded once its last record is read, {@value #CHUNK} snapshots per bulk.
     *
     * @param progress told the number of subjects done after each bulk
     * @return the subjects recomputed
     */
    long recomputeAll(LocalDate today, LongConsumer progress) {
        String now = OffsetDateTime.now(clock).toString();
        Query legalPersons = Query.of(q -> q.exists(e -> e.field("uscc")));
        List<CreditRecordDocument> subject = new ArrayList<>();
        List<Computed> pending = new ArrayList<>();
        long[] done = {0};
        pages.scanSorted(recordsAlias, legalPersons, List.of(asc("uscc")), RECORD_FIELDS, RECORD_PAGE, CreditRecordDocument.class, batch -> {
            for (CreditRecordDocument record : batch) {
                if (!subject.isEmpty() && !subject.get(0).uscc().equals(record.uscc())) {
                    pending.add(compute(subject.get(0).uscc(), List.copyOf(subject), today, now));
                    subject.clear();
                }
                subject.add(record);
            }
            if (pending.size() >= CHUNK) {
                done[0] += flush(pending);
                progress.accept(done[0]);
            }
        });
        if (!subject.isEmpty()) {
            pending.add(compute(subject.get(0).uscc(), List.copyOf(subject), today, now));
        }
        done[0] += flush(pending);
        progress.accept(done[0]);
        return done[0];
    }

    private int flush(List<Computed> pending) {
        int n = pending.size();
        store(List.copyOf(pending));
        pending.clear();
        return n;
    }

    /** A computed snapshot and the version it is stored under. */
    private record Computed(GradeSnapshot snapshot, Grade grade, long version) {
    }

    private Computed compute(String uscc, List<CreditRecordDocument> records, LocalDate today, String now) {
        List<CreditRecordDocument> inForce = records.stream().filter(r -> RecordsInForce.on(r, today)).sorted(NEWEST_FIRST).toList();
        Grade grade = scorecard.grade(inForce, today);
        LocalDate validUntil = RecordsInForce.nextChange(records, today).orElse(null);
        long version = records.stream().map(CreditRecordDocument::updatedAt).filter(Objects::nonNull)
                .mapToLong(t -> OffsetDateTime.parse(t).toInstant().toEpochMilli()).max().orElse(0);
        return new Computed(GradeSnapshot.of(uscc, grade, validUntil, now), grade, version);
    }

    private void store(List<Computed> computed) {
        if (computed.isEmpty()) {
            return;
        }
        List<BulkResponseItem> items = call(() -> client.bulk(b -> {
            computed.forEach(c -> b.operations(op -> op.index(i -> i.index(alias).id(c.snapshot().uscc()).document(c.snapshot())
                    .version(c.version()).versionType(VersionType.ExternalGte))));
            return b;
        })).items();
        for (int i = 0; i < items.size(); i++) {
            int status = items.get(i).status();
            // 409: a snapshot computed from later records is stored already, and stays
            if (status >= 300 && status != 409) {
                throw new IllegalStateException("storing the grade of " + computed.get(i).snapshot().uscc() + " failed: " + items.get(i).error());
            }
        }
    }
}
