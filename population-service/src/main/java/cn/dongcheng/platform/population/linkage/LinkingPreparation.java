package cn.dongcheng.platform.population.linkage;

import cn.dongcheng.platform.common.elasticsearch.Versioned;
import cn.dongcheng.platform.common.ingest.BatchPreparation;
import cn.dongcheng.platform.common.ingest.DocumentVersion;
import cn.dongcheng.platform.common.ingest.IndexedDocument;
import cn.dongcheng.platform.common.ingest.VersionHistory;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.paging.DocumentPages.Found;
import cn.dongcheng.platform.common.paging.DocumentPages.Ids;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Per batch of source lines (each keyed by its person's ID number): keeps the source records' replaced versions,
 * stores the source records, and recomputes each person from all its source records — the ones linked before (read
 * in real time through the person's {@code sourceKeys}), any stored but not yet linked (a person write that failed
 * earlier: found by search) and the batch's own. The source records are side documents, written before the person:
 * a person is only ever computed from stored records, and if its write fails the line is rejected and the same
 * upload again converges, since recomputing is idempotent.
 *
 * <p>Concurrent uploads of the same person (two agencies, parallel chunks of one loader) each see only their own
 * new records, since another upload's are not yet linked nor searchable. So each person is written only on the
 * version it was computed from ({@link Prepared#computedFrom}): the upload that comes second gets a conflict, and
 * its lines are prepared again from the person the first one stored — whose {@code sourceKeys} now name the first
 * upload's records. Every stored person thus includes every record of every person write acknowledged before it.
 */
final class LinkingPreparation implements BatchPreparation {

    /** Hits of the search for unlinked records answered at once; more (a batch of persons with many records) are scanned. */
    private static final int SEARCH_LIMIT = 10_000;

    private final DocumentPages pages;
    private final VersionHistory<SourceRecord> history;
    private final PersonLinker linker;
    private final String personsAlias;
    private final String sourcesAlias;
    private final String now;

    LinkingPreparation(DocumentPages pages, VersionHistory<SourceRecord> history, PersonLinker linker,
                       String personsAlias, String sourcesAlias, String now) {
        this.pages = pages;
        this.history = history;
        this.linker = linker;
        this.personsAlias = personsAlias;
        this.sourcesAlias = sourcesAlias;
        this.now = now;
    }

    /**
     * The persons and their source records, by key: a batch that reads a record the batch before it stores (the same
     * person, or a record moving to another ID number) is prepared only once that record is stored.
     */
    @Override
    public Collection<String> reads(List<IndexedDocument> batch) {
        Set<String> ids = new HashSet<>();
        for (IndexedDocument d : batch) {
            ids.add(d.id());
            ids.add(((SourceRecord) d.source()).key());
        }
        return ids;
    }

    /** What {@link #reads} names: the persons, and the source records stored beside them. */
    @Override
    public Collection<String> writes(List<IndexedDocument> batch) {
        return reads(batch);
    }

    @Override
    public Prepared prepare(List<IndexedDocument> all) {
        Map<String, String> rejected = new HashMap<>();
        List<IndexedDocument> keyed = bySourceKey(all);
        // the records' stored versions and the persons as stored, in one round trip
        Ids<SourceRecord> recordIds = new Ids<>(sourcesAlias, keyed.stream().map(IndexedDocument::id).toList(), SourceRecord.class);
        Ids<LinkedPerson> personIds = new Ids<>(personsAlias, all.stream().map(IndexedDocument::id).distinct().toList(), LinkedPerson.class);
        Found found = pages.getAllVersioned(List.of(recordIds, personIds));
        Map<String, SourceRecord> storedRecords = new HashMap<>();
        found.of(recordIds).forEach((key, record) -> storedRecords.put(key, record.document()));
        Map<String, Versioned<LinkedPerson>> read = found.of(personIds);

        Prepared versions = history.prepare(keyed, storedRecords);
        Set<String> moved = personsOfMovedRecords(all, versions);
        List<IndexedDocument> batch = all;
        if (!moved.isEmpty()) {
            moved.forEach(id -> rejected.put(id, "idNumber: a source record of this upload (source + sourceId) belongs "
                    + "to another ID number; a corrected ID number needs a new sourceId"));
            batch = all.stream().filter(d -> !moved.contains(d.id())).toList();
            versions = history.prepare(bySourceKey(batch), storedRecords);
        }
        List<IndexedDocument> bySourceKey = bySourceKey(batch);
        Map<String, String> personOfKey = new HashMap<>();
        bySourceKey.forEach(d -> personOfKey.put(d.id(), ((SourceRecord) d.source()).idNumber()));

        List<SideDocument> sides = new ArrayList<>();
        for (SideDocument replaced : versions.sideDocuments()) {
            sides.add(new SideDocument(replaced.index(), replaced.id(), replaced.source(), personOfKey.get(replaced.forId())));
        }
        Map<String, SourceRecord> incoming = new LinkedHashMap<>();
        Set<String> changedPersons = new HashSet<>();
        for (IndexedDocument line : bySourceKey) {
            SourceRecord stored = (SourceRecord) versions.replacements().getOrDefault(line.id(), line.source());
            incoming.put(line.id(), stored);
            if (!versions.unchanged().contains(line.id())) {
                sides.add(new SideDocument(sourcesAlias, line.id(), stored, stored.idNumber()));
                changedPersons.add(stored.idNumber());
            }
        }

        List<String> ids = batch.stream().map(IndexedDocument::id).distinct().toList();
        Map<String, LinkedPerson> before = new HashMap<>();
        ids.stream().filter(read::containsKey).forEach(id -> before.put(id, read.get(id).document()));
        Map<String, Map<String, SourceRecord>> recordsOf = new HashMap<>();
        for (SourceRecord r : knownRecords(ids, before, incoming.keySet())) {
            recordsOf.computeIfAbsent(r.idNumber(), k -> new HashMap<>()).put(r.key(), r);
        }
        incoming.values().forEach(r -> recordsOf.computeIfAbsent(r.idNumber(), k -> new HashMap<>()).put(r.key(), r));

        Map<String, Object> persons = new HashMap<>();
        Map<String, DocumentVersion> computedFrom = new HashMap<>();
        Set<String> unchanged = new HashSet<>();
        for (String id : ids) {
            LinkedPerson previous = before.get(id);
            LinkedPerson linked = linker.link(id, recordsOf.get(id).values(), previous, now);
            if (!changedPersons.contains(id) && previous != null
                    && linked.withUpdatedAt(null).equals(previous.withUpdatedAt(null))) {
                unchanged.add(id); // every line of this person already stored as sent, the person already so linked
            } else {
                persons.put(id, linked);
                computedFrom.put(id, read.containsKey(id) ? DocumentVersion.of(read.get(id)) : DocumentVersion.ABSENT);
            }
        }
        return new Prepared(sides, rejected, persons, unchanged, computedFrom);
    }

    private static List<IndexedDocument> bySourceKey(List<IndexedDocument> batch) {
        return batch.stream().map(d -> new IndexedDocument(((SourceRecord) d.source()).key(), d.source())).toList();
    }

    /**
     * The persons of lines whose source record is (in the index or earlier in the batch) another person's: relinking
     * it would leave the other person showing a record that is no longer theirs, so all of them are rejected.
     */
    private static Set<String> personsOfMovedRecords(List<IndexedDocument> batch, Prepared versions) {
        Map<String, Set<String>> personsOfKey = new HashMap<>();
        for (IndexedDocument d : batch) {
            SourceRecord r = (SourceRecord) d.source();
            personsOfKey.computeIfAbsent(r.key(), k -> new HashSet<>()).add(r.idNumber());
        }
        for (SideDocument replaced : versions.sideDocuments()) {
            if (((VersionHistory.Entry<?>) replaced.source()).document() instanceof SourceRecord before) {
                personsOfKey.get(replaced.forId()).add(before.idNumber());
            }
        }
        Set<String> moved = new HashSet<>();
        personsOfKey.values().stream().filter(ids -> ids.size() > 1).forEach(moved::addAll);
        return moved;
    }

    /**
     * The stored source records of these persons other than the batch's, read in real time by id: the linked ones (the
     * persons' {@code sourceKeys}) and any unlinked one (a person write that failed after its record was stored). The
     * unlinked are found by the keys a search of the persons' records answers from doc values: linked records are
     * searched too, but no stored document is loaded for them twice, and a new person's search finds nothing.
     */
    private List<SourceRecord> knownRecords(List<String> ids, Map<String, LinkedPerson> before, Set<String> batchKeys) {
        Set<String> known = new HashSet<>();
        before.values().stream().map(LinkedPerson::sourceKeys).filter(Objects::nonNull).forEach(known::addAll);
        known.addAll(pages.keywords(sourcesAlias, PersonSources.recordsOf(ids), "key", SEARCH_LIMIT));
        known.removeAll(batchKeys);
        return List.copyOf(pages.getAll(sourcesAlias, known, SourceRecord.class).values());
    }
}
