package cn.dongcheng.platform.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The lease of a process that test JVMs share across a build (the Elasticsearch node, the identity provider): every
 * JVM using it renews a file's modification time while it runs, and a detached watchdog stops the process once the
 * file has not been renewed for the idle timeout, so a finished or aborted build leaves nothing running.
 */
final class TestLease {

    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(150);

    private final Path file;
    private final String name;
    private boolean renewing;

    TestLease(Path file, String name) {
        this.file = file;
        this.name = name;
    }

    void renew() {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.createFile(file);
            }
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // the next renewal tries again; the watchdog only acts after a long silence
        }
    }

    /** Renews every few seconds for as long as this JVM runs. */
    synchronized void keepRenewing() {
        if (renewing) {
            return;
        }
        renewing = true;
        Thread renewer = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                renew();
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, name + "-lease");
        renewer.setDaemon(true);
        renewer.start();
    }

    /** A detached shell loop that stops {@code pid} when no test JVM has renewed the lease for the idle timeout. */
    void watch(long pid) throws IOException {
        String script = "while kill -0 " + pid + " 2>/dev/null; do "
                + "age=$(( $(date +%s) - $(stat -c %Y '" + file + "' 2>/dev/null || echo 0) )); "
                + "if [ $age -gt " + IDLE_TIMEOUT.toSeconds() + " ]; then kill " + pid + "; exit 0; fi; sleep 5; done";
        new ProcessBuilder(List.of("setsid", "bash", "-c", script))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true)
                .start();
    }

    /** The build's root folder, under whose target/ the shared processes keep their state. */
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

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
