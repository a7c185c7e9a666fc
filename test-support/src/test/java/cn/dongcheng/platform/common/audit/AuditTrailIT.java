package cn.dongcheng.platform.common.audit;

import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.common.problem.DependencyUnavailableException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.common.security.CallerRole;
import cn.dongcheng.platform.testing.TestIdentityProvider;
import cn.dongcheng.platform.testing.TestIndices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditTrailIT {

    private ElasticsearchJson es;
    private AuditTrail trail;
    private final AuditPseudonyms pseudonyms = AuditPseudonyms.fromBase64(TestIdentityProvider.PSEUDONYM_KEY);
    private final CallerContext officer = CallerContext.of("wang.li", CallerRole.REGULATOR);
    private final List<AuditTrail> opened = new ArrayList<>();

    private AuditTrail open(String alias) {
        AuditTrail t = new AuditTrail(es, TestIndices.client(), alias, Clock.systemDefaultZone(), pseudonyms);
        opened.add(t);
        return t;
    }

    @BeforeEach
    void setUp() {
        es = TestIndices.json();
        String alias = TestIndices.uniqueNamespace() + "audit";
        TestIndices.indexManager().ensure(alias, "elasticsearch/audit.json");
        trail = open(alias);
        for (int i = 1; i <= 10; i++) {
            trail.record(officer, "READ", "persons/p" + i, "ok", null);
        }
    }

    @AfterEach
    void close() {
        opened.forEach(AuditTrail::close);
    }

    @Test
    void anUntouchedChainVerifies() {
        AuditVerification result = trail.verify(4L);
        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(10);
        assertThat(result.headSeq()).isEqualTo(10);
        assertThat(result.problems()).isEmpty();
        AuditEntry fourth = entry(4);
        assertThat(result.at()).isEqualTo(new AuditChainPosition(4, fourth.hash(), fourth.time()));
        assertThat(trail.verify(11L).at()).isNull();
        AuditChainPosition head = trail.head();
        assertThat(head.seq()).isEqualTo(10);
        assertThat(head.hash()).isEqualTo(result.headHash()).isEqualTo(entry(10).hash());
    }

    @Test
    void aNewTrailInstanceContinuesTheChain() {
        AuditTrail other = open(trail.alias());
        AuditEntry entry = other.record(officer, "WRITE", "persons/p11", "ok", null);
        assertThat(entry.seq()).isEqualTo(11);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aPersonIsRecordedByPseudonymOnlyAndTheEntryVerifies() {
        String idNumber = "11010519491231002X";
        AuditEntry entry = trail.record(officer, "READ_PERSON", "persons", idNumber, "ok", null);
        assertThat(entry.subject()).isEqualTo(pseudonyms.of(idNumber));
        String stored = es.get("/" + trail.alias() + "/_doc/" + AuditTrail.docId(entry.seq())).path("_source").toString();
        assertThat(stored).doesNotContain("19491231").contains(pseudonyms.of(idNumber));
        assertThat(trail.verify().intact()).isTrue();
        // the subject is part of what the hash protects
        es.send("POST", "/" + trail.alias() + "/_update/" + AuditTrail.docId(entry.seq()) + "?refresh=true",
                es.object().set("doc", es.object().put("subject", pseudonyms.of("110105194912310038"))));
        assertThat(trail.verify().problems()).anySatisfy(p -> assertThat(p).contains("entry " + entry.seq() + " was altered"));
    }

    @Test
    void aBatchReadRecordsEachPersonByPseudonymInSharedBulks() {
        List<String> persons = IntStream.range(0, 1_500).mapToObj(i -> {
            String first17 = String.format("1101051990%02d%02d%03d", 1 + i / 1_000, 1 + i % 28, i % 1_000);
            return first17 + ResidentIdNumber.checkCharacter(first17);
        }).toList();
        long bulksBefore = trail.bulks.get();
        trail.recordEach(officer, "READ_PERSON_MASKED", "records", persons, "ok", "sanction check");
        long bulks = trail.bulks.get() - bulksBefore;
        // 1,500 entries in slices of 1,024, at most 256 a bulk: 6 bulks when nothing else writes, never one each
        assertThat(bulks).as("bulk requests for 1,500 entries").isLessThanOrEqualTo(8);
        AuditVerification result = trail.verify();
        assertThat(result.problems()).isEmpty();
        assertThat(result.entriesChecked()).isEqualTo(1_510);
        List<JsonNode> entries = TestIndices.auditEntries(trail.alias(), "action", "READ_PERSON_MASKED");
        assertThat(entries).hasSize(1_000); // the helper reads at most 1,000
        assertThat(entries).allSatisfy(e -> assertThat(e.path("subject").asText()).hasSize(64));
        assertThat(entries.toString()).doesNotContain(persons.get(0)).doesNotContain(persons.get(1_499));
    }

    @Test
    void concurrentAppendsShareBulksAndFormOneIntactChain() throws Exception {
        long bulksBefore = trail.bulks.get();
        Set<Long> seqs = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    AuditEntry entry = trail.record(officer, "READ", "persons/c" + n, "ok", null);
                    seqs.add(entry.seq());
                    // durable and visible to a realtime GET the moment append returns
                    JsonNode stored = es.get("/" + trail.alias() + "/_doc/" + AuditTrail.docId(entry.seq()));
                    assertThat(stored.path("_source").path("hash").asText()).isEqualTo(entry.hash());
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(seqs).hasSize(200).allSatisfy(s -> assertThat(s).isBetween(11L, 210L));
        AuditVerification result = trail.verify();
        assertThat(result.problems()).isEmpty();
        assertThat(result.entriesChecked()).isEqualTo(210);
        long bulks = trail.bulks.get() - bulksBefore;
        assertThat(bulks).as("bulk requests for 200 concurrent appends").isLessThan(200);
    }

    @Test
    void twoInstancesAppendingAtOnceKeepOneChain() throws Exception {
        AuditTrail other = open(trail.alias());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        Set<Long> seqs = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                AuditTrail writer = i % 2 == 0 ? trail : other;
                int n = i;
                done.add(pool.submit(() -> seqs.add(writer.record(officer, "READ", "persons/d" + n, "ok", null).seq())));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(seqs).hasSize(200);
        AuditVerification result = trail.verify();
        assertThat(result.problems()).isEmpty();
        assertThat(result.entriesChecked()).isEqualTo(210);
    }

    @Test
    void aBatchWhoseFirstPlacesWereTakenLeavesNoOrphansAndIsRechained() throws Exception {
        // instance B has a stale head: it last wrote 11, then A wrote 12 and 13
        AuditTrail b = new AuditTrail(es, TestIndices.client(), trail.alias(), Clock.systemDefaultZone(), pseudonyms, 100, false);
        var first = b.enqueue(new AuditEvent("b", "SERVICE", "READ", "persons/b0", null, "ok", null));
        b.flushNow();
        assertThat(first.get().seq()).isEqualTo(11);
        trail.record(officer, "READ", "persons/a12", "ok", null);
        trail.record(officer, "READ", "persons/a13", "ok", null);
        // B's batch goes to 12, 13 (taken: 409) and 14 (created, but linked to B's own 13, which is not in the chain)
        List<java.util.concurrent.CompletableFuture<AuditEntry>> batch = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            batch.add(b.enqueue(new AuditEvent("b", "SERVICE", "READ", "persons/b" + i, null, "ok", null)));
        }
        long bulksBefore = b.bulks.get();
        b.flushNow();
        assertThat(batch).extracting(f -> f.get().seq()).containsExactly(14L, 15L, 16L);
        assertThat(b.bulks.get() - bulksBefore).as("create, delete the orphan, create again").isEqualTo(3);
        AuditVerification result = trail.verify();
        assertThat(result.problems()).isEmpty();
        assertThat(result.entriesChecked()).isEqualTo(16);
        assertThat(entry(14).resource()).isEqualTo("persons/b1");
    }

    @Test
    void whenElasticsearchIsDownTheCallerGetsAnError() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        ElasticsearchJson down = new ElasticsearchJson(RestClient.builder(new HttpHost("127.0.0.1", closed, "http")).build(), new ObjectMapper());
        AuditTrail unreachable = new AuditTrail(down, TestIndices.client(URI.create("http://127.0.0.1:" + closed)), trail.alias(),
                Clock.systemDefaultZone(), pseudonyms);
        opened.add(unreachable);
        assertThatThrownBy(() -> unreachable.record(officer, "READ", "persons/x", "ok", null))
                .isInstanceOf(DependencyUnavailableException.class);
    }

    @Test
    void detectsAnEditedEntry() {
        es.send("POST", "/" + trail.alias() + "/_update/" + AuditTrail.docId(4) + "?refresh=true",
                es.object().set("doc", es.object().put("actor", "someone.else")));
        AuditVerification result = trail.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("entry 4 was altered"));
    }

    @Test
    void detectsAnEditWhoseHashWasRecomputed() {
        // a forger who also fixes the entry's own hash still breaks the link from entry 5
        AuditEntry original = entry(4);
        AuditEntry forged = AuditEntry.chain(4, original.time(), new AuditEvent("someone.else", original.role(), original.action(),
                original.resource(), original.requestId(), original.outcome(), original.detail()), original.prevHash());
        es.send("PUT", "/" + trail.alias() + "/_doc/" + AuditTrail.docId(4) + "?refresh=true", es.mapper().valueToTree(forged));
        AuditVerification result = trail.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("entry 5 does not link"));
    }

    @Test
    void detectsADeletedEntry() {
        es.send("DELETE", "/" + trail.alias() + "/_doc/" + AuditTrail.docId(7) + "?refresh=true", null);
        AuditVerification result = trail.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("entries 7 are missing"));
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("entry 8 does not link"));
    }

    private AuditEntry entry(long seq) {
        return es.mapper().convertValue(es.get("/" + trail.alias() + "/_doc/" + AuditTrail.docId(seq)).path("_source"), AuditEntry.class);
    }
}
