package cn.dongcheng.platform.credit.watch;

import cn.dongcheng.platform.common.ingest.VersionHistory;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.credit.grade.Grades;
import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;
import cn.dongcheng.platform.credit.record.CreditRecordsChanged;
import cn.dongcheng.platform.credit.record.SubjectType;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/**
 * Turns stored state into events: the versions records reach by uploads and workflow decisions (as they are written,
 * {@link #onRecordsChanged}), and the expiries a Beijing midnight brings ({@link #sweep}, run by the
 * {@link ExpirySweeper}), each followed by the grade change it caused for subjects someone watches.
 *
 * <p><b>Never lost, never doubled.</b> Events are derived from what is stored <em>after</em> it is stored, never
 * written ahead of it, so no event tells of a write that failed. Their ids are deterministic and the writes
 * create-only, so deriving the same fact again — a re-delivered line, a second replica, a re-run — stores nothing
 * new. What a crash (or an Elasticsearch failure) between the record write and the event write leaves out,
 * {@link #reconcile} re-derives from the records written since the previous run: at start-up and with every daily
 * sweep. A record changed twice in that gap gets the event of its current version only.
 *
 * <p>Grade changes are derived only for subjects on someone's watch list (a subject watched later is watched from
 * then on): from the subject's records with the changed record in its previous version against its current one.
 */
final class WatchEventRecorder {

    private static final Logger log = LoggerFactory.getLogger(WatchEventRecorder.class);
    private static final int CHUNK = 1_000;
    private static final List<FieldValue> WITHDRAWN = List.of(FieldValue.of(RecordStatus.REPAIRED.name()),
            FieldValue.of(RecordStatus.REVOKED.name()));

    private final DocumentPages pages;
    private final VersionHistory<CreditRecordDocument> history;
    private final String recordsAlias;
    private final WatchLists lists;
    private final WatchEventLog feed;
    private final Grades grades;
    private final Clock clock;

    WatchEventRecorder(DocumentPages pages, VersionHistory<CreditRecordDocument> history, String recordsAlias, WatchLists lists,
                       WatchEventLog events, Grades grades, Clock clock) {
        this.pages = pages;
        this.history = history;
        this.recordsAlias = recordsAlias;
        this.lists = lists;
        this.feed = events;
        this.grades = grades;
        this.clock = clock;
    }

    /**
     * Runs in the writer's thread once records are stored. Its failure is not the write's: the upload or decision is
     * done and answered as such, and the next {@link #reconcile} derives what is missing.
     */
    @EventListener
    public void onRecordsChanged(CreditRecordsChanged changed) {
        try {
            recordWrites(changed.recordIds());
        } catch (RuntimeException e) {
            log.warn("watch events of {} written records not derived now; the next sweep derives them", changed.recordIds().size(), e);
        }
    }

    /** Derives and stores the events of the records' current versions; returns how many events were new. */
    int recordWrites(Collection<String> recordIds) {
        LocalDate today = LocalDate.now(clock);
        List<String> ids = List.copyOf(recordIds);
        int created = 0;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            Map<String, CreditRecordDocument> current = pages.getAll(recordsAlias, ids.subList(from, Math.min(ids.size(), from + CHUNK)),
                    CreditRecordDocument.class);
            List<WatchEvent> events = new ArrayList<>();
            // the versions these writes replaced, one multi-get for the chunk rather than a GET per changed record
            Map<String, Integer> replacedVersions = new HashMap<>();
            current.values().stream().filter(r -> r.version() != null && r.version() > 1)
                    .forEach(r -> replacedVersions.put(r.recordId(), r.version() - 1));
            Map<String, CreditRecordDocument> previous = history.versions(replacedVersions);
            for (CreditRecordDocument record : current.values()) {
                events.add(WatchEventDerivation.ofVersion(previous.get(record.recordId()), record, today));
            }
            Set<String> watched = lists.watchedAmong(current.values().stream().map(CreditRecordDocument::subjectId).toList());
            Map<String, Map<String, CreditRecordDocument>> bySubject = new LinkedHashMap<>();
            for (CreditRecordDocument record : current.values()) {
                if (!watched.contains(record.subjectId())) {
                    continue;
                }
                // the search may not see this upload yet (no refresh asked): the records just read by id overlay it
                Map<String, CreditRecordDocument> ofSubject = bySubject.computeIfAbsent(record.subjectId(), k -> recordsOf(record));
                current.values().stream().filter(r -> r.subjectId().equals(record.subjectId())).forEach(r -> ofSubject.put(r.recordId(), r));
                Map<String, CreditRecordDocument> before = new LinkedHashMap<>(ofSubject);
                CreditRecordDocument replaced = previous.get(record.recordId());
                if (replaced == null) {
                    before.remove(record.recordId());
                } else {
                    before.put(record.recordId(), replaced);
                }
                WatchEvent change = WatchEventDerivation.gradeChanged(WatchEventDerivation.versionKey(record), record,
                        grades.ofRecords(List.copyOf(before.values()), today), grades.ofRecords(List.copyOf(ofSubject.values()), today), today);
                if (change != null) {
                    events.add(change);
                }
            }
            created += feed.append(events);
        }
        return created;
    }

    /**
     * The records that leave the public view at the start of {@code day} (their publication ends that day) and, for
     * watched subjects, the grade change it brings (the grade in force the day before against the day's).
     */
    int sweep(LocalDate day) {
        String d = day.toString();
        Query ending = Query.of(q -> q.bool(b -> b
                .filter(f -> f.range(r -> r.date(dr -> dr.field("publication.latestEnd").gte(d).lte(d))))
                .mustNot(m -> m.terms(t -> t.field("status").terms(v -> v.value(WITHDRAWN))))));
        List<CreditRecordDocument> expiring = new ArrayList<>();
        pages.scan(recordsAlias, ending, null, CHUNK, CreditRecordDocument.class,
                batch -> batch.stream().filter(r -> WatchEventDerivation.expiresOn(r, day)).forEach(expiring::add));
        List<WatchEvent> events = new ArrayList<>(expiring.stream().map(r -> WatchEventDerivation.expired(r, day)).toList());
        Set<String> watched = lists.watchedAmong(expiring.stream().map(CreditRecordDocument::subjectId).toList());
        Map<String, CreditRecordDocument> subjects = new LinkedHashMap<>();
        expiring.stream().filter(r -> watched.contains(r.subjectId())).forEach(r -> subjects.putIfAbsent(r.subjectId(), r));
        for (CreditRecordDocument subject : subjects.values()) {
            List<CreditRecordDocument> records = List.copyOf(recordsOf(subject).values());
            WatchEvent change = WatchEventDerivation.gradeChanged(WatchEventDerivation.dayKey(subject.subjectId(), day), subject,
                    grades.ofRecords(records, day.minusDays(1)), grades.ofRecords(records, day), day);
            if (change != null) {
                events.add(change);
            }
        }
        int created = 0;
        for (int from = 0; from < events.size(); from += CHUNK) {
            created += feed.append(events.subList(from, Math.min(events.size(), from + CHUNK)));
        }
        return created;
    }

    /** Re-derives the events of every record written since {@code since} (ISO time); returns how many were missing. */
    int reconcile(String since) {
        Query written = Query.of(q -> q.range(r -> r.date(d -> d.field("updatedAt").gte(since))));
        List<String> ids = new ArrayList<>();
        pages.scan(recordsAlias, written, List.of("recordId"), CHUNK, CreditRecordDocument.class,
                batch -> batch.forEach(r -> ids.add(r.recordId())));
        return recordWrites(ids);
    }

    /** Every record of the subject, by id. */
    private Map<String, CreditRecordDocument> recordsOf(CreditRecordDocument subject) {
        Query query = subject.subjectType() == SubjectType.LEGAL_PERSON ? term("uscc", subject.uscc()) : term("idNumber", subject.idNumber());
        Map<String, CreditRecordDocument> records = new LinkedHashMap<>();
        pages.scan(recordsAlias, query, null, CHUNK, CreditRecordDocument.class, batch -> batch.forEach(r -> records.put(r.recordId(), r)));
        return records;
    }
}
