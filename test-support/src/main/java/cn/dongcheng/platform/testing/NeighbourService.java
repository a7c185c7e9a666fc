package cn.dongcheng.platform.testing;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs another platform service inside a test JVM, on its own random port and with its own index namespace, so a
 * service's Feign calls cross real HTTP to the real downstream code.
 *
 * <p>Every service names its configuration {@code application.yml}; on a shared test class path the caller's file
 * would win, so the neighbour's own file is read from the jar (or folder) its application class came from.
 */
public final class NeighbourService implements AutoCloseable {

    /**
     * Secrets a service refuses to start without, as test stand-ins (a neighbour reads only its own application.yml, not
     * the test's properties): credit-service's report-signing key, created on first use in the build directory.
     */
    private static final Map<String, String> TEST_SECRETS = Map.of(
            "credit.report.signing-key-file", "target/test-report-signing-key.pem",
            "credit.report.create-key-if-missing", "true");

    private final ConfigurableApplicationContext context;

    private NeighbourService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static NeighbourService start(Class<?> application, Map<String, String> extraProperties) {
        return start(application, TestIndices.uniqueNamespace(), extraProperties, Map.of());
    }

    /**
     * As {@link #start(Class, Map)}, in a namespace of the test's choosing — a second start in the same namespace is the
     * same service restarted on its own indices — and with {@code beans} registered before the context is refreshed
     * (e.g. a {@code Clock} the test moves, which the platform's own clock then gives way to).
     */
    public static NeighbourService start(Class<?> application, String namespace, Map<String, String> extraProperties,
                                         Map<String, Object> beans) {
        List<String> args = new ArrayList<>();
        args.add("--spring.config.location=file:" + ownConfiguration(application));
        args.add("--server.port=0");
        args.add("--spring.elasticsearch.uris=" + TestElasticsearch.uri());
        args.add("--platform.elasticsearch.namespace=" + namespace);
        args.add("--spring.jmx.enabled=false");
        // its own client (spring.application.name, resolved by Spring); one map, as a repeated argument would be joined
        Map<String, String> properties = new LinkedHashMap<>(TestIdentityProvider.serviceProperties(TestIdentityProvider.OWN_APPLICATION_NAME));
        properties.putAll(TEST_SECRETS);
        properties.putAll(extraProperties);
        properties.forEach((k, v) -> args.add("--" + k + "=" + v));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(application)
                .initializers(context -> beans.forEach(context.getBeanFactory()::registerSingleton));
        return new NeighbourService(builder.run(args.toArray(String[]::new)));
    }

    private static Path ownConfiguration(Class<?> application) {
        try {
            URL location = application.getProtectionDomain().getCodeSource().getLocation();
            URL yml = location.getPath().endsWith(".jar")
                    ? new URL("jar:" + location + "!/application.yml")
                    : new URL(location, "application.yml");
            Path copy = Files.createTempFile(application.getSimpleName(), ".yml");
            try (InputStream in = yml.openStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            copy.toFile().deleteOnExit();
            return copy;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the configuration of " + application.getName(), e);
        }
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public boolean running() {
        return context.isActive();
    }

    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }
}
