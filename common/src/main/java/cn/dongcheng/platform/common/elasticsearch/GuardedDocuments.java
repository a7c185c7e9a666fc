package cn.dongcheng.platform.common.elasticsearch;

import cn.dongcheng.platform.common.problem.ConflictException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.GetResponse;

import java.util.Optional;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;

/**
 * Reads and conditional writes of single documents: a write names the version it replaces
 * ({@code if_seq_no}/{@code if_primary_term}) or creates only where nothing is ({@code op_type=create}), so of two
 * concurrent writers exactly one succeeds and the other gets a {@link ConflictException} — no scripts, no locks.
 * Writes wait for a refresh: lists must show a step as soon as it is answered. Used wherever something may happen
 * only once (a credit workflow step, a spot-check draw).
 */
public final class GuardedDocuments {

    private final ElasticsearchClient client;

    public GuardedDocuments(ElasticsearchClient client) {
        this.client = client;
    }

    /** Real-time read (no refresh needed), with the version a later write must match. */
    public <T> Optional<Versioned<T>> get(String alias, String id, Class<T> type) {
        GetResponse<T> found = call(() -> client.get(g -> g.index(alias).id(id), type));
        if (!found.found() || found.source() == null) {
            return Optional.empty();
        }
        return Optional.of(new Versioned<>(id, found.source(), found.seqNo(), found.primaryTerm()));
    }

    /** Creates the document; false when one with this id exists already (someone else was first). */
    public boolean create(String alias, String id, Object document) {
        return create(alias, id, document, Refresh.WaitFor);
    }

    /**
     * As {@link #create(String, String, Object)}, but refreshes the shard at once instead of waiting for its next
     * scheduled refresh (on average half a second, up to one): for a step a user waits on, written once per operation
     * (a spot-check pool, draw, assignment), where several such waits in a row were most of the operation's time. Not
     * for a stream of writes: every forced refresh makes a small segment.
     */
    public boolean createVisibleNow(String alias, String id, Object document) {
        return create(alias, id, document, Refresh.True);
    }

    private boolean create(String alias, String id, Object document, Refresh refresh) {
        try {
            call(() -> client.index(i -> i.index(alias).id(id).document(document).opType(OpType.Create).refresh(refresh)));
            return true;
        } catch (RuntimeException e) {
            if (isConflict(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Replaces exactly the version read; 409 when it changed in between. */
    public void replace(String alias, Versioned<?> read, Object document, String conflict) {
        try {
            call(() -> client.index(i -> i.index(alias).id(read.id()).document(document)
                    .ifSeqNo(read.seqNo()).ifPrimaryTerm(read.primaryTerm()).refresh(Refresh.WaitFor)));
        } catch (RuntimeException e) {
            if (isConflict(e)) {
                throw new ConflictException(conflict);
            }
            throw e;
        }
    }

    /** A 409 comes as the typed client's error or, when the transport hands it on as an I/O failure, as a status exception. */
    private static boolean isConflict(RuntimeException e) {
        return e instanceof ElasticsearchException es && es.status() == 409
                || e instanceof ElasticsearchStatusException status && status.isConflict();
    }

    /** An unconditional write of a document whose id says what it is (a history entry): writing it again changes nothing. */
    public void put(String alias, String id, Object document) {
        call(() -> client.index(i -> i.index(alias).id(id).document(document)));
    }
}
