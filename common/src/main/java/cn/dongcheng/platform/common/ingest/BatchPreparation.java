package cn.dongcheng.platform.common.ingest;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Work a resource needs done before a batch of its documents is stored — e.g. keeping the version a document
 * replaces as history. {@link #prepare} sees the validated batch in line order and returns the side documents to
 * store first (they are stored with the batch, in the same stage); a line whose side document fails is rejected and its main document not written, so nothing is
 * overwritten without its history. A line it cannot accept (say, a change dated before the stored one) it names in
 * {@link Prepared#rejected}.
 */
public interface BatchPreparation {

    BatchPreparation NONE = new BatchPreparation() {
        @Override
        public Prepared prepare(List<IndexedDocument> batch) {
            return new Prepared(List.of(), Map.of(), Map.of());
        }

        @Override
        public Collection<String> reads(List<IndexedDocument> batch) {
            return List.of();
        }
    };

    Prepared prepare(List<IndexedDocument> batch);

    /**
     * The ids that {@link #prepare} reads (by default the batch's ids: the versions they replace). A batch whose reads
     * meet the {@link #writes} of the batch still being stored is prepared only after that store.
     */
    default Collection<String> reads(List<IndexedDocument> batch) {
        return batch.stream().map(IndexedDocument::id).toList();
    }

    /**
     * The ids that storing the batch writes and a later batch's {@link #prepare} may read: by default the batch's own
     * ids. Side documents are stored with the batch, after the next batch's preparation has begun, so a preparation
     * that reads side documents of earlier batches names their ids here and in {@link #reads}.
     */
    default Collection<String> writes(List<IndexedDocument> batch) {
        return batch.stream().map(IndexedDocument::id).toList();
    }

    /**
     * @param sideDocuments to store first
     * @param rejected      ids of batch documents not to store, with the reason
     * @param replacements  ids of batch documents to store in a corrected form (by id; the last line of an id wins)
     * @param unchanged     ids whose stored document already is exactly what the batch says: accepted, not rewritten
     *                      (like Elasticsearch's own {@code detect_noop}); only for ids that occur once in the batch
     * @param computedFrom  ids of replacements computed from what is stored under them, with the version read: the
     *                      replacement is written once per id and only if that version is still the stored one; if
     *                      another writer changed it meanwhile, the id's lines are prepared again from what that
     *                      writer stored (a read-modify-write that never loses a concurrent upload's change)
     */
    record Prepared(List<SideDocument> sideDocuments, Map<String, String> rejected,
                    Map<String, Object> replacements, Set<String> unchanged, Map<String, DocumentVersion> computedFrom) {

        public Prepared(List<SideDocument> sideDocuments, Map<String, String> rejected,
                        Map<String, Object> replacements) {
            this(sideDocuments, rejected, replacements, Set.of());
        }

        public Prepared(List<SideDocument> sideDocuments, Map<String, String> rejected,
                        Map<String, Object> replacements, Set<String> unchanged) {
            this(sideDocuments, rejected, replacements, unchanged, Map.of());
        }
    }

    /**
     * A write to another index, made before the main document with id {@code forId}: the whole {@code source} as a
     * document, or — with {@code partial} — only its fields merged into an existing document.
     */
    record SideDocument(String index, String id, Object source, String forId, boolean partial) {
        public SideDocument(String index, String id, Object source, String forId) {
            this(index, id, source, forId, false);
        }
    }
}
