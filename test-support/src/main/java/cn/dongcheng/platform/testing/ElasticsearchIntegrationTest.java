package cn.dongcheng.platform.testing;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;

/**
 * Base of Spring integration tests: points the service at the shared real node and gives the test class its own
 * index namespace, so classes never see each other's documents; the service validates tokens from the shared test
 * issuer and calls others with its own client ({@link TestIdentityProvider#serviceProperties}). The context is closed after each class: a cached
 * context would carry one class's namespace into the next.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class ElasticsearchIntegrationTest {

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        register(registry, TestElasticsearch.uri());
    }

    /** The same settings for a test that reaches the node at another address (e.g. through a {@link FaultyProxy}). */
    public static void register(DynamicPropertyRegistry registry, URI elasticsearch) {
        registry.add("spring.elasticsearch.uris", elasticsearch::toString);
        String namespace = TestIndices.uniqueNamespace();
        registry.add("platform.elasticsearch.namespace", () -> namespace);
        TestIdentityProvider.register(registry, TestIdentityProvider.OWN_APPLICATION_NAME);
    }
}
