package cn.dongcheng.platform.common.audit;

import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.index.VersionedIndexManager;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.common.security.CallerRole;
import cn.dongcheng.platform.common.testing.TestIndices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTrailIT {

    private ElasticsearchJson es;
    private AuditTrail trail;
    private final CallerContext officer = CallerContext.of("wang.li", CallerRole.REGULATOR);

    @BeforeEach
    void setUp() {
        es = TestIndices.json();
        String alias = TestIndices.uniqueNamespace() + "audit";
        new VersionedIndexManager(es).ensure(alias, "elasticsearch/audit.json");
        trail = new AuditTrail(es, alias, Clock.systemDefaultZone());
        for (int i = 1; i <= 10; i++) {
            trail.record(officer, "READ", "persons/p" + i, "ok", null);
        }
    }

    @Test
    void anUntouchedChainVerifies() {
        AuditVerification result = trail.verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(10);
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void aNewTrailInstanceContinuesTheChain() {
        AuditTrail other = new AuditTrail(es, trail.alias(), Clock.systemDefaultZone());
        AuditEntry entry = other.record(officer, "WRITE", "persons/p11", "ok", null);
        assertThat(entry.seq()).isEqualTo(11);
        assertThat(trail.verify().intact()).isTrue();
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
        AuditEntry original = es.mapper().convertValue(es.get("/" + trail.alias() + "/_doc/" + AuditTrail.docId(4)).path("_source"), AuditEntry.class);
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
}
