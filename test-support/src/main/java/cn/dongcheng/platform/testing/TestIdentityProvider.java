package cn.dongcheng.platform.testing;

import cn.dongcheng.platform.identity.login.CachedToken;
import cn.dongcheng.platform.identity.login.ClientCredentials;
import cn.dongcheng.platform.identity.login.DemoUser;
import cn.dongcheng.platform.identity.login.DemoUsers;
import cn.dongcheng.platform.identity.login.PkceLogin;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The real OpenID Connect issuer that integration tests get their tokens from.
 *
 * <p>Started once per build and reused across modules, like {@link TestElasticsearch}: the first test JVM that needs
 * it runs identity-service's exec jar (the reactor's first module, so packaged before any test here) with the
 * {@code local} profile's demo users, test client secrets ({@link #clientSecret}) and its key under
 * {@code <project>/target/test-identity}; later JVMs find it ready and reuse it. A lease ({@link TestLease}) stops it
 * when no test JVM has used it for a while. If it cannot start, callers get its log and the test fails — never skips.
 *
 * <p>User tokens come through the real authorization-code + PKCE login of the demo user holding the role
 * ({@link PkceLogin}, the same code as {@code ./platform token}); client tokens through client credentials. Both are
 * cached until a minute before they expire.
 */
public final class TestIdentityProvider {

    /** The {@code aud} of every platform token. */
    public static final String AUDIENCE = "dongcheng-platform";
    /** A fixed audit pseudonym key for tests (base64 of 32 bytes). */
    public static final String PSEUDONYM_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    /** The client whose client-credentials token {@link #token(String)} hands out for the role SERVICE. */
    public static final String SERVICE_CLIENT = "gateway";
    /** As a client id in {@link #serviceProperties}: the service's own {@code spring.application.name}, resolved by Spring. */
    public static final String OWN_APPLICATION_NAME = "${spring.application.name}";

    /** The confidential clients the issuer registers (identity-service's application.yml); each gets a test secret. */
    static final List<String> CONFIDENTIAL_CLIENTS = List.of("population-service", "industry-service", "credit-service",
            "market-supervision-service", "gateway", "demo-data-loader", "platform-bench");
    static final TestLease LEASE = new TestLease(TestLease.projectRoot().resolve("target/test-identity.lease"), "test-identity");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(1);
    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final SharedProcess<URI> ISSUER = new SharedProcess<>("the test identity provider", LEASE, TestIdentityProvider::startOrReuse);

    private TestIdentityProvider() {
    }

    /** The issuer URL (also the {@code iss} of its tokens), starting the issuer if needed. */
    public static URI issuer() {
        return ISSUER.get();
    }

    /**
     * An access token for {@code role} (a {@code CallerRole} name): the demo user holding it logs in; SERVICE is
     * {@link #SERVICE_CLIENT}'s client-credentials token. There is no token for PUBLIC.
     */
    public static String token(String role) {
        String name = role.toUpperCase(Locale.ROOT);
        if (name.equals("SERVICE")) {
            return clientToken(SERVICE_CLIENT);
        }
        DemoUser user = demoUser(name);
        return TOKENS.computeIfAbsent("user:" + name, k -> new CachedToken(
                () -> new PkceLogin(issuer()).login(user.username(), user.password()), REFRESH_MARGIN)).get();
    }

    /** {@link #token(String)} for a {@code CallerRole} constant. */
    public static String token(Enum<?> role) {
        return token(role.name());
    }

    /** A client-credentials token of a registered confidential client. */
    public static String clientToken(String clientId) {
        return TOKENS.computeIfAbsent("client:" + clientId, k -> new CachedToken(
                () -> new ClientCredentials(issuer(), clientId, clientSecret(clientId)).fetch(), REFRESH_MARGIN)).get();
    }

    /** The secret the test issuer gives a confidential client. */
    public static String clientSecret(String clientId) {
        return "test-secret-" + clientId;
    }

    /** The demo account holding {@code role} (its user name is the token's {@code sub}). */
    public static DemoUser demoUser(String role) {
        return DemoUsers.load().forRole(role);
    }

    /** The demo citizen's resident ID number (the {@code subject_id} of a CITIZEN token); a person in the demo data. */
    public static String citizenIdNumber() {
        return demoUser("CITIZEN").subjectId();
    }

    /** The demo enterprise's Unified Social Credit Code (the {@code subject_id} of an ENTERPRISE token). */
    public static String enterpriseCode() {
        return demoUser("ENTERPRISE").subjectId();
    }

    /**
     * The Spring properties a service under test needs: validate tokens from the test issuer, and call other services
     * with its own client-credentials token ({@code clientId}, or {@link #OWN_APPLICATION_NAME}).
     */
    public static Map<String, String> serviceProperties(String clientId) {
        Map<String, String> resolved = new LinkedHashMap<>();
        lazyServiceProperties(clientId).forEach((k, v) -> resolved.put(k, v.get()));
        return resolved;
    }

    /** {@link #serviceProperties} for a test context; the issuer starts only when a property is read. */
    public static void register(DynamicPropertyRegistry registry, String clientId) {
        lazyServiceProperties(clientId).forEach((k, v) -> registry.add(k, v::get));
    }

    /** The issuer's signing key (a private JWK), for {@link JwtForgery}. */
    static Path keyFile() {
        issuer();
        return stateDir().resolve("signing-key.json");
    }

    private static Map<String, Supplier<String>> lazyServiceProperties(String clientId) {
        Map<String, Supplier<String>> p = new LinkedHashMap<>();
        String jwt = "spring.security.oauth2.resourceserver.jwt.";
        p.put(jwt + "issuer-uri", () -> issuer().toString());
        p.put(jwt + "jwk-set-uri", () -> issuer() + "/oauth2/jwks");
        p.put(jwt + "audiences", () -> AUDIENCE);
        String registration = "spring.security.oauth2.client.registration.platform.";
        p.put(registration + "client-id", () -> clientId);
        p.put(registration + "client-secret", () -> clientSecret(clientId));
        p.put(registration + "authorization-grant-type", () -> "client_credentials");
        p.put("spring.security.oauth2.client.provider.platform.token-uri", () -> issuer() + "/oauth2/token");
        p.put("platform.audit.pseudonym-key", () -> PSEUDONYM_KEY);
        return p;
    }

    private static Path stateDir() {
        return TestLease.projectRoot().resolve("target/test-identity");
    }

    private static URI startOrReuse() throws Exception {
        Path state = stateDir();
        Files.createDirectories(state);
        try (RandomAccessFile raf = new RandomAccessFile(state.resolve("lock").toFile(), "rw"); FileLock ignored = raf.getChannel().lock()) {
            Path issuerFile = state.resolve("issuer.properties");
            if (Files.exists(issuerFile)) {
                Properties p = new Properties();
                try (var in = Files.newInputStream(issuerFile)) {
                    p.load(in);
                }
                URI existing = URI.create(p.getProperty("issuer"));
                ProcessHandle process = ProcessHandle.of(Long.parseLong(p.getProperty("pid"))).orElse(null);
                // an issuer from an older build of the jar is replaced: its configuration may be out of date
                boolean current = stamp(execJar()).equals(p.getProperty("jar"));
                if (process != null && process.isAlive() && current && ready(existing)) {
                    LEASE.renew();
                    return existing;
                }
                if (process != null) {
                    process.destroy();
                }
            }
            return start(state);
        }
    }

    private static URI start(Path state) throws IOException, InterruptedException {
        Path jar = execJar();
        int port = TestLease.freePort();
        URI uri = URI.create("http://127.0.0.1:" + port);
        Path log = state.resolve("identity-service.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of("setsid", java, "-Xms32m", "-Xmx192m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString()))
                .directory(state.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("PORT", String.valueOf(port));
        env.put("IDENTITY_ISSUER", uri.toString());
        env.put("IDENTITY_KEY_FILE", state.resolve("signing-key.json").toString());
        CONFIDENTIAL_CLIENTS.forEach(c -> env.put("IDENTITY_CLIENT_SECRET_" + c.toUpperCase(Locale.ROOT).replace('-', '_'), clientSecret(c)));
        LEASE.renew();
        Process process = builder.start();
        LEASE.watch(process.pid());
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!ready(uri)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String why = process.isAlive() ? "not ready after " + START_TIMEOUT.toSeconds() + " s" : "exited with " + process.exitValue();
                process.destroy();
                throw new IllegalStateException("identity-service " + why + "; last lines of " + log + ":\n" + tail(log));
            }
            Thread.sleep(250);
        }
        Properties p = new Properties();
        p.setProperty("issuer", uri.toString());
        p.setProperty("pid", String.valueOf(process.pid()));
        p.setProperty("jar", stamp(jar));
        try (var out = Files.newOutputStream(state.resolve("issuer.properties"))) {
            p.store(out, "the shared test identity provider of this build");
        }
        return uri;
    }

    private static Path execJar() throws IOException {
        Path target = TestLease.projectRoot().resolve("identity-service/target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(f -> f.getFileName().toString().matches("identity-service-.*-exec\\.jar"))
                    .max(Comparator.comparing(f -> f.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("no identity-service exec jar in " + target
                            + ": build identity-service first (./mvnw -B -q -pl identity-service install -DskipTests); "
                            + "a full build packages it before any other module's tests"));
        }
    }

    private static String stamp(Path jar) {
        return jar + "@" + jar.toFile().lastModified();
    }

    private static boolean ready(URI uri) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(uri.resolve("/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
