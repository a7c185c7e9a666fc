package cn.dongcheng.platform.testing;

import cn.dongcheng.platform.devtools.elasticsearch.EmbeddedElasticsearch;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * The one real Elasticsearch node that integration tests use.
 *
 * <p>Started once per build and reused across modules: the first test JVM that needs it starts a node under
 * {@code <project>/target/test-elasticsearch} and records its port; later JVMs (the next modules) find it healthy and
 * reuse it. Each JVM renews a lease file while it runs; a small watchdog stops the node once the lease has not been
 * renewed for {@link TestLease#IDLE_TIMEOUT}, so a finished or aborted build leaves nothing running. If the node cannot
 * start, the caller gets the reason (the last lines of its log) and the test fails — it is never skipped.
 */
public final class TestElasticsearch {

    static final TestLease LEASE = new TestLease(TestLease.projectRoot().resolve("target/test-elasticsearch.lease"), "test-elasticsearch");

    private static final SharedProcess<URI> NODE = new SharedProcess<>("the test Elasticsearch node", LEASE, TestElasticsearch::startOrReuse);

    private TestElasticsearch() {
    }

    /** Base URI of the shared node, starting it if needed. */
    public static URI uri() {
        return NODE.get();
    }

    static Path distributionZip() {
        String configured = System.getProperty("elasticsearch.distribution.zip");
        if (configured != null && Files.isRegularFile(Path.of(configured))) {
            return Path.of(configured);
        }
        // a module built alone (-pl x) skips the root's fetch: fall back to the local Maven repository
        return Path.of(System.getProperty("user.home"), ".m2/repository/org/elasticsearch/distribution/integ-test-zip/"
                + "elasticsearch/8.19.21/elasticsearch-8.19.21.zip");
    }

    private static Path workDir() {
        return EmbeddedElasticsearch.usableWorkDir(TestLease.projectRoot().resolve("target/test-elasticsearch"));
    }

    private static URI startOrReuse() throws Exception {
        Path work = workDir();
        Path registry = TestLease.projectRoot().resolve("target");
        Files.createDirectories(registry);
        Path lockFile = registry.resolve("test-elasticsearch.lock");
        try (RandomAccessFile raf = new RandomAccessFile(lockFile.toFile(), "rw"); FileLock ignored = raf.getChannel().lock()) {
            Path nodeFile = registry.resolve("test-elasticsearch.properties");
            if (Files.exists(nodeFile)) {
                Properties p = new Properties();
                try (var in = Files.newInputStream(nodeFile)) {
                    p.load(in);
                }
                EmbeddedElasticsearch existing = node(Integer.parseInt(p.getProperty("http")), Integer.parseInt(p.getProperty("transport")));
                if (existing.runningPid().isPresent() && existing.health().isPresent()) {
                    LEASE.renew();
                    return existing.uri();
                }
                existing.stop();
            }
            EmbeddedElasticsearch.deleteTreeQuietly(work.resolve("data"));
            int http = TestLease.freePort();
            int transport = TestLease.freePort();
            EmbeddedElasticsearch node = node(http, transport);
            LEASE.renew();
            URI started = node.start();
            LEASE.watch(node.runningPid().orElseThrow(() -> new IOException("node started but wrote no pid file")));
            Properties p = new Properties();
            p.setProperty("http", String.valueOf(http));
            p.setProperty("transport", String.valueOf(transport));
            try (var out = Files.newOutputStream(nodeFile)) {
                p.store(out, "the shared test node of this build");
            }
            return started;
        }
    }

    private static EmbeddedElasticsearch node(int http, int transport) {
        return new EmbeddedElasticsearch(new EmbeddedElasticsearch.Settings(distributionZip(), workDir(), "127.0.0.1",
                http, transport, System.getProperty("test.elasticsearch.heap", "768m"), Duration.ofSeconds(180)));
    }
}
