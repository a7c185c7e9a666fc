package cn.dongcheng.platform.common.index;

import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.time.DistrictTime;
import cn.dongcheng.platform.testing.TestIndices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionedIndexManagerIT {

    private static final MigrationProgress SILENT = (alias, from, to, copied, total) -> { };

    private ElasticsearchJson es;
    private VersionedIndexManager manager;
    private String alias;
    private String leaseIndex;

    @BeforeEach
    void setUp() {
        es = TestIndices.json();
        String namespace = TestIndices.uniqueNamespace();
        alias = namespace + "things";
        leaseIndex = namespace + "index-leases";
        manager = instance(Duration.ofMinutes(1), SILENT);
    }

    /** Another service instance: its own owner name, the same lease index. */
    /** How far the instances' common clock runs ahead of the real one: a test moves it past a lease instead of sleeping. */
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return DistrictTime.DEFAULT_ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead.get());
        }
    };

    private VersionedIndexManager instance(Duration leaseTtl, MigrationProgress progress) {
        return TestIndices.indexManager(leaseIndex, leaseTtl, progress, clock);
    }

    /** Every lease taken so far has expired, for every instance (a minute's lease; two minutes on). */
    private void leasesExpire() {
        ahead.set(ahead.get().plus(Duration.ofMinutes(2)));
    }

    private void store(int documents) {
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < documents; i++) {
            bulk.append("{\"index\":{\"_index\":\"").append(alias).append("\",\"_id\":\"d").append(i).append("\"}}\n")
                    .append("{\"name\":\"thing ").append(i).append("\",\"n\":").append(i).append("}\n");
        }
        assertThat(es.send("POST", "/_bulk", bulk.toString()).path("errors").asBoolean()).isFalse();
        es.refresh(alias);
    }

    private long count() {
        es.refresh(alias);
        return es.get("/" + alias + "/_count").path("count").asLong();
    }

    /** A write through the alias succeeds: the index behind it is not write-blocked. */
    private void assertWritable() {
        es.send("PUT", "/" + alias + "/_doc/probe?refresh=true", es.object().put("name", "probe").put("n", 0));
        es.send("DELETE", "/" + alias + "/_doc/probe?refresh=true", null);
    }

    /**
     * A pod frozen half-way: after the first batch it signals {@code stalled} and waits for {@code release}, never
     * renewing its lease meanwhile.
     */
    private static MigrationProgress frozenAfterFirstBatch(CountDownLatch stalled, CountDownLatch release) {
        return (a, from, to, copied, total) -> {
            stalled.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private boolean leaseExists() {
        return es.getOrNull("/" + leaseIndex + "/_doc/" + alias) != null
                && es.get("/" + leaseIndex + "/_doc/" + alias).path("found").asBoolean();
    }

    private ObjectNode definition(boolean withColour) throws Exception {
        String json = "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},\"mappings\":{\"dynamic\":\"strict\","
                + "\"properties\":{\"name\":{\"type\":\"keyword\"},\"n\":{\"type\":\"integer\"}"
                + (withColour ? ",\"colour\":{\"type\":\"keyword\"}" : "") + "}}}";
        return (ObjectNode) es.mapper().readTree(json);
    }

    @Test
    void createsOnceAndLeavesAnUnchangedDefinitionAlone() throws Exception {
        var first = manager.ensure(alias, definition(false));
        var second = manager.ensure(alias, definition(false));
        assertThat(first.action()).isEqualTo(VersionedIndexManager.Action.CREATED);
        assertThat(first.index()).isEqualTo(alias + "-v1");
        assertThat(second.action()).isEqualTo(VersionedIndexManager.Action.UNCHANGED);
        assertThat(manager.currentIndex(alias)).isEqualTo(alias + "-v1");
    }

    @Test
    void aMappingChangeMigratesEveryDocumentWhileReadersKeepGettingAnswers() throws Exception {
        manager.ensure(alias, definition(false));
        int documents = 5_000;
        store(documents);

        // readers query the alias without pause for the whole migration
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    long count = es.get("/" + alias + "/_count").path("count").asLong();
                    if (count != documents) {
                        failures.add("saw " + count + " documents");
                    }
                    reads.incrementAndGet();
                } catch (RuntimeException e) {
                    failures.add(e.getMessage());
                }
            }
        });
        reader.start();
        Thread.sleep(200);
        VersionedIndexManager.Outcome outcome = manager.ensure(alias, definition(true));
        Thread.sleep(200);
        stop.set(true);
        reader.join();

        assertThat(outcome.action()).isEqualTo(VersionedIndexManager.Action.MIGRATED);
        assertThat(outcome.index()).isEqualTo(alias + "-v2");
        assertThat(outcome.documentsCopied()).isEqualTo(documents);
        assertThat(failures).isEmpty();
        assertThat(reads.get()).isGreaterThan(2);
        assertThat(manager.currentIndex(alias)).isEqualTo(alias + "-v2");
        assertThat(es.exists("/" + alias + "-v1")).isFalse();

        // the new field is usable; the old documents came across intact
        es.send("PUT", "/" + alias + "/_doc/new?refresh=true", es.object().put("name", "new").put("n", -1).put("colour", "red"));
        JsonNode old = es.get("/" + alias + "/_doc/d4321");
        assertThat(old.path("_source").path("name").asText()).isEqualTo("thing 4321");
        assertThat(es.get("/" + alias + "/_count").path("count").asLong()).isEqualTo(documents + 1);
        assertThat(manager.ensure(alias, definition(true)).action()).isEqualTo(VersionedIndexManager.Action.UNCHANGED);
    }

    @Test
    void aReplicaChangeIsASettingNotAMigration() throws Exception {
        manager.ensure(alias, definition(false));
        ObjectNode moreReplicas = definition(false);
        ((ObjectNode) moreReplicas.get("settings")).put("number_of_replicas", 1);

        var outcome = manager.ensure(alias, moreReplicas);

        assertThat(outcome.action()).isEqualTo(VersionedIndexManager.Action.UNCHANGED);
        assertThat(outcome.index()).isEqualTo(alias + "-v1");
        assertThat(es.get("/" + alias + "-v1/_settings").path(alias + "-v1").path("settings").path("index")
                .path("number_of_replicas").asText()).isEqualTo("1");
    }

    @Test
    void twoInstancesStartingTogetherMigrateOnceAndTheOtherServesTheOldIndexMeanwhile() throws Exception {
        manager.ensure(alias, definition(false));
        store(5_000);
        VersionedIndexManager other = instance(Duration.ofMinutes(1), SILENT);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pods = Executors.newFixedThreadPool(2);
        try {
            List<Future<VersionedIndexManager.Outcome>> outcomes = new ArrayList<>();
            for (VersionedIndexManager instance : List.of(manager, other)) {
                outcomes.add(pods.submit(() -> {
                    start.await();
                    return instance.ensure(alias, definition(true));
                }));
            }
            List<VersionedIndexManager.Action> actions = new ArrayList<>();
            for (Future<VersionedIndexManager.Outcome> outcome : outcomes) {
                actions.add(outcome.get(2, TimeUnit.MINUTES).action());
            }

            assertThat(actions).containsOnlyOnce(VersionedIndexManager.Action.MIGRATED);
            assertThat(actions).allMatch(a -> a == VersionedIndexManager.Action.MIGRATED
                    || a == VersionedIndexManager.Action.DEFERRED || a == VersionedIndexManager.Action.UNCHANGED);
        } finally {
            pods.shutdownNow();
        }
        assertThat(manager.currentIndex(alias)).isEqualTo(alias + "-v2");
        assertThat(count()).isEqualTo(5_000);
        assertThat(es.exists("/" + alias + "-v1")).isFalse();
        assertThat(es.exists("/" + alias + "-v3")).isFalse();
        assertThat(leaseExists()).isFalse();
        assertThat(other.ensure(alias, definition(true)).action()).isEqualTo(VersionedIndexManager.Action.UNCHANGED);
    }

    @Test
    void aMigrationThatFailsHalfWayLeavesTheOldIndexWritableAndTheAliasIntact() throws Exception {
        manager.ensure(alias, definition(false));
        store(3_000);
        VersionedIndexManager failing = instance(Duration.ofMinutes(1), (a, from, to, copied, total) -> {
            throw new IllegalStateException("killed after " + copied + " of " + total);
        });

        assertThatThrownBy(() -> failing.ensure(alias, definition(true))).hasMessageContaining("killed after 1000 of 3000");

        assertThat(manager.currentIndex(alias)).isEqualTo(alias + "-v1");
        assertThat(es.exists("/" + alias + "-v2")).isFalse();
        assertThat(leaseExists()).isFalse();
        assertWritable();
        assertThat(count()).isEqualTo(3_000);
        assertThat(manager.ensure(alias, definition(true)).action()).isEqualTo(VersionedIndexManager.Action.MIGRATED);
    }

    /**
     * A pod that started the migration to the new definition and froze after its first batch: it never renews its
     * one-second lease until woken.
     */
    private final class FrozenPod implements AutoCloseable {
        private final CountDownLatch release = new CountDownLatch(1);
        private final ExecutorService pod = Executors.newSingleThreadExecutor();
        private final Future<VersionedIndexManager.Outcome> migration;

        FrozenPod() throws Exception {
            CountDownLatch stalled = new CountDownLatch(1);
            VersionedIndexManager dying = instance(Duration.ofMinutes(1), frozenAfterFirstBatch(stalled, release));
            migration = pod.submit(() -> dying.ensure(alias, definition(true)));
            assertThat(stalled.await(1, TimeUnit.MINUTES)).isTrue();
        }

        /** Wakes the pod; its migration's outcome follows. */
        Future<VersionedIndexManager.Outcome> wake() {
            release.countDown();
            return migration;
        }

        @Override
        public void close() {
            release.countDown();
            pod.shutdownNow();
        }
    }

    @Test
    void aMigrationWhoseInstanceDiedIsUndoneByTheNextInstanceWithTheOldDefinition() throws Exception {
        manager.ensure(alias, definition(false));
        store(3_000);
        try (FrozenPod frozen = new FrozenPod()) {
            assertThat(es.exists("/" + alias + "-v2")).isTrue();

            leasesExpire(); // the frozen instance stays frozen past its lease

            // a rollback: the next instance runs the old definition, which the old index still matches
            var outcome = instance(Duration.ofMinutes(1), SILENT).ensure(alias, definition(false));

            assertThat(outcome.action()).isEqualTo(VersionedIndexManager.Action.UNCHANGED);
            assertThat(manager.currentIndex(alias)).isEqualTo(alias + "-v1");
            assertThat(es.exists("/" + alias + "-v2")).isFalse();
            assertWritable();

            // the frozen instance wakes up: it finds its lease gone and stops without touching anything
            Future<VersionedIndexManager.Outcome> zombie = frozen.wake();
            assertThatThrownBy(() -> zombie.get(1, TimeUnit.MINUTES)).hasRootCauseInstanceOf(MigrationLeases.LeaseLostException.class);
            assertThat(manager.currentIndex(alias)).isEqualTo(alias + "-v1");
            assertThat(es.exists("/" + alias + "-v2")).isFalse();
            assertWritable();
            assertThat(count()).isEqualTo(3_000);
        }
    }

    @Test
    void aMigrationWhoseInstanceDiedIsTakenOverByTheNextInstanceWithTheNewDefinition() throws Exception {
        manager.ensure(alias, definition(false));
        store(3_000);
        try (FrozenPod frozen = new FrozenPod()) {
            VersionedIndexManager next = instance(Duration.ofMinutes(1), SILENT);
            assertThat(next.ensure(alias, definition(true)).action()).isEqualTo(VersionedIndexManager.Action.DEFERRED);

            leasesExpire();

            var outcome = next.ensure(alias, definition(true));

            assertThat(outcome.action()).isEqualTo(VersionedIndexManager.Action.MIGRATED);
            assertThat(outcome.documentsCopied()).isEqualTo(3_000);
            Future<VersionedIndexManager.Outcome> zombie = frozen.wake();
            assertThatThrownBy(() -> zombie.get(1, TimeUnit.MINUTES)).isInstanceOf(ExecutionException.class);
            assertThat(manager.currentIndex(alias)).isEqualTo(alias + "-v2");
            assertThat(count()).isEqualTo(3_000);
            assertWritable();
        }
    }

    @Test
    void aRollbackToADefinitionTheIndexAlreadyReplacedIsANoOp() throws Exception {
        manager.ensure(alias, definition(false));
        store(100);
        manager.ensure(alias, definition(true));

        var rolledBack = instance(Duration.ofMinutes(1), SILENT).ensure(alias, definition(false));

        assertThat(rolledBack.action()).isEqualTo(VersionedIndexManager.Action.KEPT_NEWER);
        assertThat(manager.currentIndex(alias)).isEqualTo(alias + "-v2");
        assertThat(es.exists("/" + alias + "-v3")).isFalse();
        assertThat(manager.ensureUnlessCopyDue(alias, definition(false)).action()).as("no copy is due")
                .isEqualTo(VersionedIndexManager.Action.KEPT_NEWER);
    }

    @Test
    void aServiceServesTheOldIndexWhileItsMigrationRunsInTheBackgroundAndAShutdownLiftsTheWriteBlock() throws Exception {
        IndexNames names = new IndexNames(alias.substring(0, alias.length() - "things".length()), "svc");
        alias = names.alias("things");
        IndexDefinition withColour = new IndexDefinition("things", "elasticsearch/test-things-with-colour.json");
        manager.ensure(alias, definition(false));
        store(3_000);
        CountDownLatch copying = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        VersionedIndexManager slow = instance(Duration.ofMinutes(1), frozenAfterFirstBatch(copying, proceed)); // until shut down

        ServiceIndices starting = new ServiceIndices(slow, names, Duration.ofMillis(200));
        starting.ensure(withColour); // returns at once: the copy runs behind it
        assertThat(copying.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(manager.currentIndex(alias)).isEqualTo(alias + "-v1");
        assertThat(count()).isEqualTo(3_000);

        starting.destroy(); // Kubernetes stops the pod half-way
        assertThat(manager.currentIndex(alias)).isEqualTo(alias + "-v1");
        assertThat(es.exists("/" + alias + "-v2")).isFalse();
        assertWritable();
        assertThat(leaseExists()).isFalse();

        ServiceIndices restarted = new ServiceIndices(instance(Duration.ofMinutes(1), SILENT), names, Duration.ofMillis(200));
        restarted.ensure(withColour);
        for (int i = 0; i < 300 && !(alias + "-v2").equals(manager.currentIndex(alias)); i++) {
            Thread.sleep(100);
        }
        restarted.destroy();
        assertThat(manager.currentIndex(alias)).isEqualTo(alias + "-v2");
        assertThat(count()).isEqualTo(3_000);
    }
}
