package cn.dongcheng.platform.common.testing;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of Spring integration tests: points the service at the shared real node and gives the test class its own
 * index namespace, so classes never see each other's documents. The context is closed after each class: a cached
 * context would carry one class's namespace into the next.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class ElasticsearchIntegrationTest {

    /** The audit pseudonym key of every service under test (base64, 38 bytes; never used outside tests). */
    public static final String TEST_PSEUDONYM_KEY = "dGVzdC1vbmx5LWF1ZGl0LXBzZXVkb255bS1rZXktMzJieXRlcyE=";

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        registry.add("spring.elasticsearch.uris", () -> TestElasticsearch.uri().toString());
        String namespace = TestIndices.uniqueNamespace();
        registry.add("platform.elasticsearch.namespace", () -> namespace);
        registry.add("platform.audit.pseudonym-key", () -> TEST_PSEUDONYM_KEY);
    }
}
