package cn.dongcheng.platform.devtools.elasticsearch;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Runs one local Elasticsearch node from the integ-test-zip distribution that the build fetches from Maven Central.
 *
 * <p>Plain JDK code on purpose: the {@code ./platform} script and the test harness both use it with nothing else
 * on the class path. Layout under the work directory: {@code home/} (unpacked distribution), {@code data/},
 * {@code logs/}, {@code run/elasticsearch.pid} and {@code run/console.log}.
 *
 * <p>Elasticsearch refuses to run as root; when this JVM is root the node runs as {@link #SERVICE_USER}, created if
 * missing, which then owns the whole work directory (the zip's config files are mode 0660 and the node writes its
 * keystore next to them). The distribution has no bundled JDK, so the node uses this JVM's Java home.
 */
public final class EmbeddedElasticsearch {

    /** Unprivileged account the node runs as when the caller is root. */
    public static final String SERVICE_USER = "dc-elasticsearch";

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(green|yellow|red)\"");

    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public EmbeddedElasticsearch(Settings settings) {
        this.settings = settings;
    }

    /** Where and how to run the node. */
    public record Settings(Path distributionZip, Path workDir, String host, int httpPort, int transportPort,
                           String heap, Duration startTimeout) {
        public Settings {
            workDir = workDir.toAbsolutePath().normalize();
        }

        public Settings withPorts(int http, int transport) {
            return new Settings(distributionZip, workDir, host, http, transport, heap, startTimeout);
        }
    }

    public URI uri() {
        return URI.create("http://" + settings.host() + ":" + settings.httpPort());
    }

    public Path workDir() {
        return settings.workDir();
    }

    public Path pidFile() {
        return settings.workDir().resolve("run/elasticsearch.pid");
    }

    public Path consoleLog() {
        return settings.workDir().resolve("run/console.log");
    }

    /** Starts the node unless one is already running from this work directory; returns once the cluster is healthy. */
    public URI start() throws IOException, InterruptedException {
        if (runningPid().isPresent() && health().isPresent()) {
            return uri();
        }
        Path home = unpack();
        writeConfig(home);
        Files.createDirectories(settings.workDir().resolve("data"));
        Files.createDirectories(settings.workDir().resolve("logs"));
        Files.createDirectories(settings.workDir().resolve("run"));
        Files.deleteIfExists(pidFile());
        boolean root = isRoot();
        if (root) {
            ensureServiceUser();
            makeParentsTraversable(settings.workDir());
            run(List.of("chown", "-R", SERVICE_USER + ":" + SERVICE_USER, settings.workDir().toString()));
            checkTraversable(settings.workDir());
        }
        List<String> command = new ArrayList<>();
        command.add("setsid"); // its own session: a Ctrl-C in the caller's terminal does not reach the node
        if (root) {
            command.addAll(List.of("setpriv", "--reuid=" + SERVICE_USER, "--regid=" + SERVICE_USER, "--init-groups", "--"));
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        command.addAll(List.of("-p", pidFile().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("ES_JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("ES_JAVA_OPTS", "-Xms" + settings.heap() + " -Xmx" + settings.heap());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JAVA_HOME");
        Process launcher = builder.start();
        awaitHealthy(launcher);
        return uri();
    }

    private void awaitHealthy(Process launcher) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(settings.startTimeout());
        while (Instant.now().isBefore(deadline)) {
            Optional<String> status = health();
            if (status.isPresent() && !"red".equals(status.get())) {
                return;
            }
            if (!launcher.isAlive() && runningPid().isEmpty()) {
                throw new IOException("Elasticsearch exited with code " + launcher.exitValue()
                        + " while starting; last lines of " + consoleLog() + ":\n" + tail(consoleLog(), 30));
            }
            Thread.sleep(250);
        }
        throw new IOException("Elasticsearch at " + uri() + " was not healthy within " + settings.startTimeout()
                + "; last lines of " + consoleLog() + ":\n" + tail(consoleLog(), 30));
    }

    /** Cluster status (green, yellow or red) from {@code /_cluster/health}, empty when nothing answers. */
    public Optional<String> health() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri().resolve("/_cluster/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            Matcher m = STATUS.matcher(response.body());
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (ConnectException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    public Optional<Long> runningPid() {
        try {
            if (!Files.exists(pidFile())) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile()).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Stops the node started from this work directory (SIGTERM, then SIGKILL after 30 s); a no-op if none runs. */
    public boolean stop() throws InterruptedException {
        Optional<ProcessHandle> node = runningPid().flatMap(ProcessHandle::of);
        if (node.isEmpty()) {
            return false;
        }
        ProcessHandle handle = node.get();
        handle.destroy();
        Instant deadline = Instant.now().plusSeconds(30);
        while (handle.isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        if (handle.isAlive()) {
            handle.destroyForcibly();
        }
        return true;
    }

    /** Unpacks the distribution once per work directory; a marker records which zip it came from. */
    Path unpack() throws IOException {
        Path home = settings.workDir().resolve("home");
        Path marker = home.resolve(".unpacked-from");
        String source = settings.distributionZip().toAbsolutePath().toString();
        if (Files.exists(marker) && Files.readString(marker).equals(source)) {
            return home;
        }
        if (!Files.isRegularFile(settings.distributionZip())) {
            throw new IOException("Elasticsearch distribution not found at " + settings.distributionZip()
                    + " — run ./mvnw validate (it fetches org.elasticsearch.distribution.integ-test-zip:elasticsearch:zip)");
        }
        deleteTree(home);
        Files.createDirectories(home);
        try (InputStream in = Files.newInputStream(settings.distributionZip()); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                String relative = slash < 0 ? "" : name.substring(slash + 1); // drop "elasticsearch-<version>/"
                if (relative.isEmpty()) {
                    continue;
                }
                Path target = home.resolve(relative).normalize();
                if (!target.startsWith(home)) {
                    throw new IOException("zip entry escapes the target folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    if (relative.startsWith("bin/") || relative.contains("/bin/")) {
                        Files.setPosixFilePermissions(target, EnumSet.of(PosixFilePermission.OWNER_READ,
                                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                                PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
                    }
                }
            }
        }
        Files.writeString(marker, source);
        return home;
    }

    private void writeConfig(Path home) throws IOException {
        // Our own elasticsearch.yml: setting security explicitly also stops the node from auto-configuring TLS.
        String yml = String.join("\n",
                "cluster.name: dongcheng-local",
                "node.name: dongcheng-local-1",
                "discovery.type: single-node",
                "network.host: " + settings.host(),
                "http.port: " + settings.httpPort(),
                "transport.port: " + settings.transportPort(),
                "path.data: " + settings.workDir().resolve("data"),
                "path.logs: " + settings.workDir().resolve("logs"),
                "xpack.security.enabled: false",
                // a shared developer disk often sits above the default watermarks; the node must still take writes
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "action.destructive_requires_name: true",
                "");
        Files.writeString(home.resolve("config/elasticsearch.yml"), yml, StandardCharsets.UTF_8);
    }

    static boolean isRoot() {
        try {
            Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return "0".equals(out);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void ensureServiceUser() throws IOException, InterruptedException {
        Process check = new ProcessBuilder("id", "-u", SERVICE_USER).redirectErrorStream(true).start();
        check.getInputStream().readAllBytes();
        if (check.waitFor() == 0) {
            return;
        }
        run(List.of("useradd", "--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVICE_USER));
    }

    /**
     * The preferred work directory, or — when this JVM is root and {@link #SERVICE_USER} could not walk down to it
     * (a checkout under a private home or temp folder) — a stable folder under /var/tmp derived from it.
     */
    public static Path usableWorkDir(Path preferred) {
        Path dir = preferred.toAbsolutePath().normalize();
        if (!isRoot() || reachableByOthers(dir)) {
            return dir;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(dir.toString().getBytes(StandardCharsets.UTF_8));
            return Path.of("/var/tmp/dongcheng-elasticsearch", HexFormat.of().formatHex(hash, 0, 6), dir.getFileName().toString());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean reachableByOthers(Path dir) {
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            try {
                if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** The unprivileged user must be able to walk down to the work directory. */
    private static void checkTraversable(Path dir) throws IOException {
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IOException("Elasticsearch runs as user " + SERVICE_USER + " but cannot enter " + p
                        + " (mode " + PosixFilePermissions.toString(perms)
                        + "): choose a work directory outside it");
            }
        }
    }

    /** Our own fallback folders (under /var/tmp) are created root-only by default; open them for walking through. */
    private static void makeParentsTraversable(Path dir) throws IOException {
        for (Path p = dir.getParent(); p != null && p.startsWith("/var/tmp/dongcheng-elasticsearch"); p = p.getParent()) {
            Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(p));
            perms.add(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(p, perms);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Deletes a folder tree, ignoring a missing one. */
    public static void deleteTreeQuietly(Path root) {
        try {
            deleteTree(root);
        } catch (IOException | UncheckedIOException e) {
            // best effort: a throwaway folder
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
