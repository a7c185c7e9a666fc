package cn.dongcheng.platform.common.audit;

import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.problem.DependencyUnavailableException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.common.web.RequestIds;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;
import static cn.dongcheng.platform.common.elasticsearch.Queries.asc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.desc;

/**
 * The service's append-only, hash-chained audit index. Every write and every read of a natural person's data is
 * recorded here with the actor, role, action, resource, the person's keyed pseudonym, request id and outcome.
 *
 * <h2>Group commit</h2>
 * A caller enqueues its event and waits until its entry is durable. One writer thread takes everything pending (up to
 * {@value #MAX_BATCH}), chains it onto the head (seq, prevHash, hash) and writes it with one {@code _bulk} of
 * {@code create} operations, ids = zero-padded seq. Elasticsearch acknowledges a bulk after its translog is fsynced
 * (default {@code request} durability), so an entry is durable before its caller answers. While one bulk is in
 * flight the next batch accumulates, so concurrent requests share a round trip instead of queueing behind a lock.
 * The queue is bounded; if it is full or Elasticsearch fails, the caller gets {@link DependencyUnavailableException}
 * (503): the audit is mandatory, so the request fails rather than going unrecorded.
 *
 * <h2>Several instances, partial failures</h2>
 * {@code create} under the sequence number means two instances can never both take one place; the chain must also
 * never hold an entry that links to a predecessor that is not there. Items of one bulk are independent, so when item
 * {@code f} fails (409: another instance took that seq; or a rejection):
 * <ul>
 *   <li>items before {@code f} are durable and linked: their callers are released;</li>
 *   <li>items after {@code f} that were created anyway link to our entry {@code f}, which is not in the chain: they
 *       are orphans and are deleted at once, each with {@code if_seq_no}/{@code if_primary_term}, i.e. only the exact
 *       version this writer created;</li>
 *   <li>the head is reloaded and every entry from {@code f} on is re-chained and written again.</li>
 * </ul>
 * Between an orphan's creation and its deletion another instance could read it as the head. So loading the head also
 * checks the newest {@value #MAX_BATCH} entries' links (one {@code _mget}); while a run of entries does not link to
 * its predecessor, the loader waits for its owner to delete it and looks again. If it stays (its writer died in that
 * instant, or someone edited the trail), the loader continues on the tail after about a second, and {@link #verify()}
 * reports the break, as it would any tampering.
 *
 * <p>A bulk whose answer is lost (time-out after Elasticsearch wrote it) fails its callers; its entries stay in the
 * chain. Failing closed this way can record an attempt twice if the caller retries, never zero times.
 *
 * <p>Writes are NDJSON {@code _bulk} bodies through {@link ElasticsearchJson}, built once per batch and read back
 * item by item; reads (head, links, verification) go through the typed client.
 */
public class AuditTrail implements AutoCloseable {

    static final int MAX_BATCH = 256;
    static final int DEFAULT_CAPACITY = 10_000;
    static final int BATCH_SLICE = 4 * MAX_BATCH;
    private static final long WAIT_SECONDS = 30;
    private static final int MAX_ATTEMPTS = 30;
    private static final int ORPHAN_WAITS = 50;
    private static final int ORPHAN_DELETE_ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final ElasticsearchJson es;
    private final ElasticsearchClient client;
    private final String alias;
    private final Clock clock;
    private final AuditPseudonyms pseudonyms;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    /** Bulk requests written; lets tests see that concurrent appends share them. */
    final AtomicLong bulks = new AtomicLong();
    private volatile boolean reloadHead = true;
    private volatile boolean closed;
    /** The newest entry known to be in the chain; only the writer thread touches it. */
    private AuditEntry head;

    private record Pending(AuditEvent event, CompletableFuture<AuditEntry> done) {
    }

    public AuditTrail(ElasticsearchJson es, ElasticsearchClient client, String alias, Clock clock, AuditPseudonyms pseudonyms) {
        this(es, client, alias, clock, pseudonyms, DEFAULT_CAPACITY);
    }

    AuditTrail(ElasticsearchJson es, ElasticsearchClient client, String alias, Clock clock, AuditPseudonyms pseudonyms, int capacity) {
        this(es, client, alias, clock, pseudonyms, capacity, true);
    }

    /** @param startWriter false only in tests that drive the writer's steps themselves ({@link #flushNow()}) */
    AuditTrail(ElasticsearchJson es, ElasticsearchClient client, String alias, Clock clock, AuditPseudonyms pseudonyms,
               int capacity, boolean startWriter) {
        this.es = es;
        this.client = client;
        this.alias = alias;
        this.clock = clock;
        this.pseudonyms = pseudonyms;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::writeLoop, "audit-writer-" + alias);
        writer.setDaemon(true);
        if (startWriter) {
            writer.start();
        }
    }

    public String alias() {
        return alias;
    }

    /** Records what the caller did in this request. */
    public AuditEntry record(CallerContext caller, String action, String resource, String outcome, String detail) {
        return append(new AuditEvent(caller.actor(), caller.roleNames(), action, resource, null, RequestIds.current(), outcome, detail));
    }

    /**
     * Records what the caller did to a natural person's data: the identifier (e.g. an ID number) is stored only as its
     * keyed pseudonym in {@code subject}; keep it out of {@code resource} and {@code detail}.
     */
    public AuditEntry record(CallerContext caller, String action, String resource, String personIdentifier, String outcome,
                             String detail) {
        return append(new AuditEvent(caller.actor(), caller.roleNames(), action, resource, pseudonyms.of(personIdentifier),
                RequestIds.current(), outcome, detail));
    }

    /**
     * One entry per natural person a batch read concerns, each under the person's pseudonym. Enqueued together so they
     * share bulks instead of waiting one round trip each, in slices of {@value #BATCH_SLICE} so that one request cannot
     * fill the queue; returns once every entry is durable.
     */
    public void recordEach(CallerContext caller, String action, String resource, Collection<String> personIdentifiers,
                           String outcome, String detail) {
        List<AuditEvent> events = personIdentifiers.stream().map(id -> new AuditEvent(caller.actor(), caller.roleNames(),
                action, resource, pseudonyms.of(id), RequestIds.current(), outcome, detail)).toList();
        for (int from = 0; from < events.size(); from += BATCH_SLICE) {
            List<CompletableFuture<AuditEntry>> slice = events.subList(from, Math.min(events.size(), from + BATCH_SLICE))
                    .stream().map(this::enqueue).toList();
            slice.forEach(this::await);
        }
    }

    /** Appends one event and returns once its entry is durable (see the class comment). */
    public AuditEntry append(AuditEvent event) {
        return await(enqueue(event));
    }

    private AuditEntry await(CompletableFuture<AuditEntry> done) {
        try {
            return done.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new DependencyUnavailableException("elasticsearch", "the audit entry could not be written to " + alias
                    + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new DependencyUnavailableException("elasticsearch", "the audit entry was not written to " + alias
                    + " within " + WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DependencyUnavailableException("elasticsearch", "interrupted while waiting for the audit trail", e);
        }
    }

    CompletableFuture<AuditEntry> enqueue(AuditEvent event) {
        if (closed) {
            throw new DependencyUnavailableException("elasticsearch", "the audit trail " + alias + " is closed", null);
        }
        Pending pending = new Pending(event, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            throw new DependencyUnavailableException("elasticsearch", "the audit trail " + alias
                    + " has too many entries waiting to be written", null);
        }
        return pending.done();
    }

    /** One step of the writer on the calling thread: everything pending as one batch (tests without a writer thread). */
    void flushNow() {
        List<Pending> batch = new ArrayList<>();
        queue.drainTo(batch, MAX_BATCH);
        write(batch);
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!closed) {
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1); // everything that arrived while the previous bulk was in flight
                write(batch);
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                reloadHead = true; // whatever happened, the stored head is the truth
                batch.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        RuntimeException stopped = new IllegalStateException("the audit trail " + alias + " was closed");
        queue.forEach(p -> p.done().completeExceptionally(stopped));
    }

    /** Writes one batch until every entry is in the chain; see the class comment for conflicts and partial failures. */
    private void write(List<Pending> batch) {
        List<Pending> remaining = batch;
        for (int attempt = 1; !remaining.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new IllegalStateException("could not append to the audit trail " + alias + " after " + MAX_ATTEMPTS + " attempts");
            }
            if (reloadHead) {
                head = loadHead();
                reloadHead = false;
            }
            List<AuditEntry> chained = chain(remaining);
            JsonNode items = bulk(chained.stream().map(e -> new BulkItem("create", docId(e.seq()), null, e)).toList());
            int failed = -1;
            List<BulkItem> orphans = new ArrayList<>();
            for (int i = 0; i < chained.size(); i++) {
                JsonNode result = items.get(i).path("create");
                boolean created = result.path("status").asInt() == 201;
                if (failed < 0 && created) {
                    head = chained.get(i);
                    remaining.get(i).done().complete(chained.get(i));
                } else if (failed < 0) {
                    failed = i;
                } else if (created) {
                    orphans.add(new BulkItem("delete", result.path("_id").asText(), result, null));
                }
            }
            if (failed < 0) {
                return;
            }
            if (!orphans.isEmpty()) {
                deleteOrphans(orphans);
            }
            JsonNode failure = items.get(failed).path("create");
            int status = failure.path("status").asInt();
            remaining = remaining.subList(failed, remaining.size());
            if (status != 409 && status != 429 && status < 500) {
                throw new IllegalStateException("Elasticsearch refused audit entry " + chained.get(failed).seq() + ": " + failure.path("error"));
            }
            reloadHead = true; // 409: another instance appended; otherwise the next attempt starts from what is stored
            pause(attempt);
        }
    }

    private List<AuditEntry> chain(List<Pending> pending) {
        List<AuditEntry> chained = new ArrayList<>(pending.size());
        AuditEntry previous = head;
        String time = OffsetDateTime.now(clock).toString();
        for (Pending p : pending) {
            long seq = previous == null ? 1 : previous.seq() + 1;
            previous = AuditEntry.chain(seq, time, p.event(), previous == null ? AuditEntry.GENESIS : previous.hash());
            chained.add(previous);
        }
        return chained;
    }

    /** One line pair of a {@code _bulk}: create an entry, or delete the exact version a create result names. */
    private record BulkItem(String op, String id, JsonNode created, AuditEntry entry) {
    }

    private JsonNode bulk(List<BulkItem> items) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(items.size() * 512);
        try {
            for (BulkItem item : items) {
                ObjectNode meta = es.object();
                ObjectNode action = meta.putObject(item.op()).put("_id", item.id());
                if (item.created() != null) {
                    action.put("_index", item.created().path("_index").asText())
                            .put("if_seq_no", item.created().path("_seq_no").asLong())
                            .put("if_primary_term", item.created().path("_primary_term").asLong());
                }
                body.write(es.mapper().writeValueAsBytes(meta));
                body.write('\n');
                if (item.entry() != null) {
                    body.write(es.mapper().writeValueAsBytes(item.entry()));
                    body.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bulks.incrementAndGet();
        return es.send("POST", "/" + alias + "/_bulk", body.toByteArray()).path("items");
    }

    /** A short random pause before retrying, so two instances that collided do not collide again in step. */
    private static void pause(int attempt) {
        sleep(ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 10) + 1));
    }

    /**
     * Removes entries created behind a failed one (never acknowledged to their callers). Retried: an orphan left behind
     * would stand after a gap, and verification would report the gap as a deleted entry for good. 404/409 on an item:
     * someone else removed it already.
     */
    private void deleteOrphans(List<BulkItem> orphans) {
        for (int attempt = 1; ; attempt++) {
            try {
                bulk(orphans);
                return;
            } catch (RuntimeException e) {
                if (attempt >= ORPHAN_DELETE_ATTEMPTS) {
                    log.error("audit trail {}: could not remove entries {} created behind a failed one; verification will "
                            + "report a gap before them", alias, orphans.stream().map(BulkItem::id).toList(), e);
                    throw e;
                }
                sleep(50L * attempt);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The newest linked entry (null for an empty chain), waiting briefly for another writer's orphans to go away. */
    private AuditEntry loadHead() {
        AuditEntry last = newest();
        for (int wait = 0; last != null && wait < ORPHAN_WAITS; wait++) {
            long broken = unlinkedRunStart(last);
            if (broken < 0) {
                return last;
            }
            sleep(20);
            last = newest();
        }
        if (last != null) {
            log.warn("audit trail {}: entries up to {} do not link to their predecessors; continuing on them", alias, last.seq());
        }
        return last;
    }

    /** Where the newest run of entries that does not link to its predecessor starts, or -1 if the tail links. */
    private long unlinkedRunStart(AuditEntry last) {
        long from = Math.max(1, last.seq() - MAX_BATCH);
        List<String> ids = LongStream.rangeClosed(from, last.seq()).mapToObj(AuditTrail::docId).toList();
        Map<Long, AuditEntry> bySeq = new HashMap<>();
        call(() -> client.mget(m -> m.index(alias).ids(ids), AuditEntry.class)).docs().forEach(doc -> {
            if (doc.isResult() && doc.result().found()) {
                bySeq.put(doc.result().source().seq(), doc.result().source());
            }
        });
        for (long seq = last.seq(); seq > from; seq--) {
            AuditEntry entry = bySeq.get(seq);
            AuditEntry before = bySeq.get(seq - 1);
            if (entry != null && before != null && !before.hash().equals(entry.prevHash())) {
                return seq;
            }
        }
        return -1;
    }

    /** The entry with the highest seq, read in real time (a search, then GETs of the next ids search may not see yet). */
    private AuditEntry newest() {
        List<Hit<AuditEntry>> hits = call(() -> client.search(q -> q.index(alias).size(1).sort(desc("seq")), AuditEntry.class))
                .hits().hits();
        AuditEntry last = hits.isEmpty() ? null : hits.get(0).source();
        while (true) {
            AuditEntry next = realTimeGet(docId(last == null ? 1 : last.seq() + 1));
            if (next == null) {
                return last;
            }
            last = next;
        }
    }

    /** A GET sees an entry before search does; null when there is none (or no index). */
    private AuditEntry realTimeGet(String id) {
        GetResponse<AuditEntry> doc;
        try {
            doc = call(() -> client.get(g -> g.index(alias).id(id), AuditEntry.class));
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
        return doc.found() ? doc.source() : null;
    }

    /** The newest entry's position, in real time: cheap enough to be polled by the anchoring job. */
    public AuditChainPosition head() {
        return AuditChainPosition.of(newest());
    }

    /** Walks the chain in sequence order and reports every gap (deleted entry), altered entry or broken link. */
    public AuditVerification verify() {
        return verify(null);
    }

    /**
     * As {@link #verify()}, also answering the entry at {@code at} (null when absent), so that a position anchored
     * elsewhere can be compared with what the chain holds now.
     */
    public AuditVerification verify(Long at) {
        es.refresh(alias);
        List<String> problems = new ArrayList<>();
        long expectedSeq = 1;
        String prevHash = AuditEntry.GENESIS;
        long checked = 0;
        AuditChainPosition found = null;
        List<FieldValue> searchAfter = null;
        while (true) {
            List<FieldValue> after = searchAfter;
            List<Hit<AuditEntry>> hits = call(() -> client.search(q -> {
                q.index(alias).size(1000).sort(asc("seq"));
                return after == null ? q : q.searchAfter(after);
            }, AuditEntry.class)).hits().hits();
            if (hits.isEmpty()) {
                break;
            }
            for (Hit<AuditEntry> hit : hits) {
                AuditEntry entry = hit.source();
                searchAfter = hit.sort();
                checked++;
                if (entry.seq() != expectedSeq) {
                    problems.add("entries " + expectedSeq + (entry.seq() - 1 > expectedSeq ? "–" + (entry.seq() - 1) : "")
                            + " are missing (deleted)");
                }
                if (!entry.computeHash().equals(entry.hash())) {
                    problems.add("entry " + entry.seq() + " was altered: its content does not match its hash");
                }
                if (!entry.prevHash().equals(prevHash)) {
                    problems.add("entry " + entry.seq() + " does not link to the entry before it");
                }
                if (!hit.id().equals(docId(entry.seq()))) {
                    problems.add("entry " + entry.seq() + " is stored under a foreign id " + hit.id());
                }
                if (at != null && entry.seq() == at) {
                    found = AuditChainPosition.of(entry);
                }
                expectedSeq = entry.seq() + 1;
                prevHash = entry.hash();
            }
        }
        return new AuditVerification(checked, problems.isEmpty(), expectedSeq - 1, prevHash, problems, found);
    }

    /** Stops the writer; entries still waiting fail (their requests answer 503). */
    @Override
    public void close() {
        closed = true;
        writer.interrupt();
    }

    static String docId(long seq) {
        return String.format("%019d", seq);
    }
}
