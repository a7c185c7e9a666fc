package cn.dongcheng.platform.common.testing;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of Spring integration tests: points the service at the shared real node and gives the test class its own
 * index namespace, so classes never see each other's documents.
 */
public abstract class ElasticsearchIntegrationTest {

    @DynamicPropertySource
    static void elasticsearch(DynamicPropertyRegistry registry) {
        registry.add("spring.elasticsearch.uris", () -> TestElasticsearch.uri().toString());
        String namespace = TestIndices.uniqueNamespace();
        registry.add("platform.elasticsearch.namespace", () -> namespace);
    }
}
