package cn.dongcheng.platform.common.config;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.testing.TestElasticsearch;
import cn.dongcheng.platform.testing.TestIdentityProvider;
import cn.dongcheng.platform.testing.TestIndices;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** A service with an audit trail does not start without its pseudonym key, and says where the key comes from. */
class AuditPseudonymKeyIT {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, PlatformTimeAutoConfiguration.class,
                    ElasticsearchRestClientAutoConfiguration.class, ElasticsearchClientAutoConfiguration.class,
                    PlatformElasticsearchAutoConfiguration.class))
            .withPropertyValues("platform.domain=keytest", "spring.elasticsearch.uris=" + TestElasticsearch.uri(),
                    "platform.elasticsearch.namespace=" + TestIndices.uniqueNamespace());

    @Test
    void refusesToStartWithoutTheKey() {
        service.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("platform.audit.pseudonym-key (environment AUDIT_PSEUDONYM_KEY) is not set");
        });
    }

    @Test
    void startsWithTheKey() {
        service.withPropertyValues("platform.audit.pseudonym-key=" + TestIdentityProvider.PSEUDONYM_KEY)
                .run(context -> assertThat(context).hasSingleBean(AuditTrail.class));
    }
}
