package cn.dongcheng.platform.common.audit;

import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.elasticsearch.ElasticsearchStatusException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.common.web.RequestIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The service's append-only, hash-chained audit index. Every write and every read of a natural person's data is
 * recorded here with the actor, role, action, resource, request id and outcome.
 *
 * <p>Entries are stored with {@code op_type=create} under their sequence number, so two instances appending at once
 * cannot both take the same place: the loser reloads the head and retries. Deleting the newest entries leaves a
 * shorter chain that still verifies; {@link #verify()} returns the head hash so it can be anchored elsewhere.
 */
public class AuditTrail {

    private final ElasticsearchJson es;
    private final String alias;
    private final Clock clock;
    private AuditEntry head;

    public AuditTrail(ElasticsearchJson es, String alias, Clock clock) {
        this.es = es;
        this.alias = alias;
        this.clock = clock;
    }

    public String alias() {
        return alias;
    }

    /** Records what the caller did in this request. */
    public AuditEntry record(CallerContext caller, String action, String resource, String outcome, String detail) {
        return append(new AuditEvent(caller.actor(), caller.roleNames(), action, resource, RequestIds.current(), outcome, detail));
    }

    public synchronized AuditEntry append(AuditEvent event) {
        for (int attempt = 0; attempt < 20; attempt++) {
            if (head == null) {
                head = loadHead();
            }
            long seq = head == null ? 1 : head.seq() + 1;
            String prev = head == null ? AuditEntry.GENESIS : head.hash();
            AuditEntry entry = AuditEntry.chain(seq, OffsetDateTime.now(clock).toString(), event, prev);
            try {
                es.send("PUT", "/" + alias + "/_create/" + docId(seq), es.mapper().valueToTree(entry));
                head = entry;
                return entry;
            } catch (ElasticsearchStatusException e) {
                if (!e.isConflict()) {
                    throw e;
                }
                head = null; // another instance appended first
            }
        }
        throw new IllegalStateException("could not append to the audit trail " + alias + " after 20 attempts");
    }

    private AuditEntry loadHead() {
        ObjectNode query = es.object();
        query.put("size", 1);
        query.putArray("sort").addObject().put("seq", "desc");
        // a realtime GET of the next id settles what search may not see yet
        JsonNode hits = es.send("POST", "/" + alias + "/_search", query).path("hits").path("hits");
        AuditEntry last = hits.isEmpty() ? null : es.mapper().convertValue(hits.get(0).path("_source"), AuditEntry.class);
        while (true) {
            long next = last == null ? 1 : last.seq() + 1;
            JsonNode doc = es.getOrNull("/" + alias + "/_doc/" + docId(next));
            if (doc == null || !doc.path("found").asBoolean()) {
                return last;
            }
            last = es.mapper().convertValue(doc.path("_source"), AuditEntry.class);
        }
    }

    /** Walks the chain in sequence order and reports every gap (deleted entry), altered entry or broken link. */
    public AuditVerification verify() {
        es.refresh(alias);
        List<String> problems = new ArrayList<>();
        long expectedSeq = 1;
        String prevHash = AuditEntry.GENESIS;
        long checked = 0;
        JsonNode searchAfter = null;
        while (true) {
            ObjectNode query = es.object();
            query.put("size", 1000);
            query.putArray("sort").addObject().put("seq", "asc");
            if (searchAfter != null) {
                query.set("search_after", searchAfter);
            }
            JsonNode hits = es.send("POST", "/" + alias + "/_search", query, Map.of()).path("hits").path("hits");
            if (hits.isEmpty()) {
                break;
            }
            for (JsonNode hit : hits) {
                AuditEntry entry = es.mapper().convertValue(hit.path("_source"), AuditEntry.class);
                searchAfter = hit.path("sort");
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
                if (!hit.path("_id").asText().equals(docId(entry.seq()))) {
                    problems.add("entry " + entry.seq() + " is stored under a foreign id " + hit.path("_id").asText());
                }
                expectedSeq = entry.seq() + 1;
                prevHash = entry.hash();
            }
        }
        return new AuditVerification(checked, problems.isEmpty(), prevHash, problems);
    }

    /** Drops the cached head, e.g. after the index was changed from outside. */
    public synchronized void forgetHead() {
        head = null;
    }

    static String docId(long seq) {
        return String.format("%019d", seq);
    }
}
