package cn.dongcheng.platform.common.testing;

import cn.dongcheng.platform.common.elasticsearch.embedded.EmbeddedElasticsearch;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/**
 * The one real Elasticsearch node that integration tests use.
 *
 * <p>Started once per build and reused across modules: the first test JVM that needs it starts a node under
 * {@code <project>/target/test-elasticsearch} and records its port; later JVMs (the next modules) find it healthy and
 * reuse it. Each JVM renews a lease file while it runs; a small watchdog stops the node once the lease has not been
 * renewed for {@link #IDLE_TIMEOUT}, so a finished or aborted build leaves nothing running. If the node cannot
 * start, the caller gets the reason (the last lines of its log) and the test fails — it is never skipped.
 */
public final class TestElasticsearch {

    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(150);

    private static URI uri;
    private static Throwable failure;

    private TestElasticsearch() {
    }

    /** Base URI of the shared node, starting it if needed. */
    public static synchronized URI uri() {
        if (uri != null) {
            return uri;
        }
        if (failure != null) {
            throw new IllegalStateException("the test Elasticsearch node could not start", failure);
        }
        try {
            uri = startOrReuse();
            startLeaseRenewal();
            return uri;
        } catch (Exception e) {
            failure = e;
            throw new IllegalStateException("the test Elasticsearch node could not start: " + e.getMessage(), e);
        }
    }

    static Path projectRoot() {
        String root = System.getProperty("platform.root");
        if (root != null && !root.isBlank()) {
            return Path.of(root);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return dir != null ? dir : Path.of("").toAbsolutePath();
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
        return EmbeddedElasticsearch.usableWorkDir(projectRoot().resolve("target/test-elasticsearch"));
    }

    private static URI startOrReuse() throws Exception {
        Path work = workDir();
        Path registry = projectRoot().resolve("target");
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
                    renewLease();
                    return existing.uri();
                }
                existing.stop();
            }
            EmbeddedElasticsearch.deleteTreeQuietly(work.resolve("data"));
            int http = freePort();
            int transport = freePort();
            EmbeddedElasticsearch node = node(http, transport);
            renewLease();
            URI started = node.start();
            startWatchdog(node);
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

    private static Path leaseFile() {
        return projectRoot().resolve("target/test-elasticsearch.lease");
    }

    static void renewLease() {
        try {
            Path lease = leaseFile();
            if (!Files.exists(lease)) {
                Files.createFile(lease);
            }
            Files.setLastModifiedTime(lease, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // the next renewal tries again; the watchdog only acts after a long silence
        }
    }

    private static void startLeaseRenewal() {
        Thread renewer = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                renewLease();
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "test-elasticsearch-lease");
        renewer.setDaemon(true);
        renewer.start();
    }

    /** A detached shell loop that stops the node when no test JVM has renewed the lease for a while. */
    private static void startWatchdog(EmbeddedElasticsearch node) throws IOException {
        long pid = node.runningPid().orElseThrow(() -> new IOException("node started but wrote no pid file"));
        String script = "while kill -0 " + pid + " 2>/dev/null; do "
                + "age=$(( $(date +%s) - $(stat -c %Y '" + leaseFile() + "' 2>/dev/null || echo 0) )); "
                + "if [ $age -gt " + IDLE_TIMEOUT.toSeconds() + " ]; then kill " + pid + "; exit 0; fi; sleep 5; done";
        new ProcessBuilder(List.of("setsid", "bash", "-c", script))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true)
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
