package cn.dongcheng.platform.common.config;

import cn.dongcheng.platform.common.audit.AuditEntries;
import cn.dongcheng.platform.common.audit.AuditPseudonyms;
import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.elasticsearch.BlockingGetClient;
import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.index.LoggedMigrationProgress;
import cn.dongcheng.platform.common.index.MigrationLeases;
import cn.dongcheng.platform.common.index.MigrationOwner;
import cn.dongcheng.platform.common.index.ServiceIndices;
import cn.dongcheng.platform.common.index.VersionedIndexManager;
import cn.dongcheng.platform.common.ingest.AuditedIngestion;
import cn.dongcheng.platform.common.ingest.NdjsonBulkIngester;
import cn.dongcheng.platform.common.paging.DocumentPages;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.http.HttpHost;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchProperties;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.RestClientBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.time.Clock;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/**
 * Elasticsearch plumbing every domain service shares: the JSON client, index names, the versioned-index manager that
 * creates or migrates the service's indices at start-up, bulk ingestion and the audit trail. Searches and
 * aggregations use the typed {@link ElasticsearchClient} Spring Boot configures over the same {@code RestClient}
 * (documents mapped as {@link PlatformJacksonAutoConfiguration} says).
 */
@AutoConfiguration(after = {ElasticsearchRestClientAutoConfiguration.class, ElasticsearchClientAutoConfiguration.class})
@ConditionalOnClass(RestClient.class)
@ConditionalOnProperty("platform.domain")
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformElasticsearchAutoConfiguration {

    /** The audit index of every service: {@code <domain>-audit}. */
    public static final IndexDefinition AUDIT_INDEX = IndexDefinition.of("audit");

    /**
     * Per-request work the Elasticsearch client does not need (hot spots in profiles of look-ups by id). Without
     * credentials the preemptive-auth cache only costs time: Apache HttpClient's BasicAuthCache deserialises its scheme
     * on every request; with credentials configured it stays, so basic auth remains preemptive. Cookie handling,
     * connection state and the client-telemetry header are never needed.
     */
    @Bean
    RestClientBuilderCustomizer leanElasticsearchClient(
            ObjectProvider<ElasticsearchConnectionDetails> details) {
        return new RestClientBuilderCustomizer() {
            @Override
            public void customize(RestClientBuilder builder) {
                builder.setMetaHeaderEnabled(false); // client telemetry (X-Elastic-Client-Meta) Elasticsearch parses on every call
            }

            @Override
            public void customize(HttpAsyncClientBuilder builder) {
                ElasticsearchConnectionDetails connection = details.getIfAvailable();
                if (connection == null || Credentials.of(connection) == null) {
                    builder.disableAuthCaching();
                }
                // Elasticsearch sets no cookies and connections carry no user state: skip those per-request steps
                builder.disableCookieManagement();
                builder.disableConnectionState();
            }
        };
    }

    /**
     * Look-ups by id on the request thread, to the nodes, credentials, path prefix, TLS and timeouts the
     * {@code RestClient} is configured with; one connection per node for each servlet thread.
     */
    @Bean
    @ConditionalOnBean(ElasticsearchConnectionDetails.class)
    BlockingGetClient blockingGetClient(ElasticsearchConnectionDetails details, ObjectProvider<ElasticsearchProperties> properties,
                                        Environment env) {
        ElasticsearchProperties timeouts = properties.getIfAvailable(ElasticsearchProperties::new);
        Credentials credentials = Credentials.of(details);
        SSLContext tls = details.getSslBundle() == null ? null : details.getSslBundle().createSslContext();
        return new BlockingGetClient(details.getNodes().stream()
                .map(n -> new HttpHost(n.hostname(), n.port(), n.protocol().name().toLowerCase(Locale.ROOT))).toList(),
                details.getPathPrefix(), credentials == null ? null : credentials.username(), credentials == null ? null : credentials.password(),
                tls, timeouts.getConnectionTimeout(), timeouts.getSocketTimeout(), env.getProperty("server.tomcat.threads.max", Integer.class, 200));
    }

    /**
     * The basic-auth credentials both clients use: {@code spring.elasticsearch.username/password}, else those in a
     * node's URI ({@code http://user:secret@host:9200}), as Spring Boot gives them to {@code RestClient}.
     */
    record Credentials(String username, String password) {
        static Credentials of(ElasticsearchConnectionDetails details) {
            if (details.getUsername() != null) {
                return new Credentials(details.getUsername(), details.getPassword());
            }
            return details.getNodes().stream().filter(n -> n.username() != null).findFirst()
                    .map(n -> new Credentials(n.username(), n.password())).orElse(null);
        }
    }

    @Bean
    @ConditionalOnBean(RestClient.class)
    ElasticsearchJson elasticsearchJson(RestClient client, ObjectMapper mapper, ObjectProvider<BlockingGetClient> gets) {
        return new ElasticsearchJson(client, mapper, gets.getIfAvailable());
    }

    @Bean
    IndexNames indexNames(PlatformProperties properties) {
        return new IndexNames(properties.elasticsearch().namespace(), properties.domain());
    }

    /** Migration leases live in the service's own {@code <domain>-index-leases} index. */
    @Bean
    @ConditionalOnBean(ElasticsearchClient.class)
    MigrationLeases migrationLeases(ElasticsearchClient client, IndexNames names, PlatformProperties properties, Clock clock) {
        return new MigrationLeases(client, names.alias("index-leases"), MigrationOwner.thisInstance(),
                properties.elasticsearch().migrationLease(), clock);
    }



    @Bean
    @ConditionalOnBean(ElasticsearchJson.class)
    NdjsonBulkIngester ndjsonBulkIngester(ElasticsearchJson es, PlatformProperties properties) {
        return new NdjsonBulkIngester(es, properties.bulk().batchSize(), properties.bulk().maxRetries());
    }

    @Bean
    @ConditionalOnBean(ElasticsearchJson.class)
    DocumentPages documentPages(ElasticsearchJson es, ElasticsearchClient client) {
        return new DocumentPages(es, client);
    }

    @Bean
    @ConditionalOnBean(DocumentPages.class)
    VersionedIndexManager versionedIndexManager(ElasticsearchClient client, DocumentPages pages, ObjectMapper mapper,
                                                MigrationLeases leases) {
        return new VersionedIndexManager(client, pages, mapper, leases, new LoggedMigrationProgress());
    }

    @Bean
    @ConditionalOnBean(ElasticsearchJson.class)
    AuditedIngestion auditedIngestion(NdjsonBulkIngester ingester, ElasticsearchJson es, AuditTrail audit) {
        return new AuditedIngestion(ingester, es, audit);
    }

    /**
     * Creates the audit index and every index the service declares before it takes traffic; a changed definition is
     * migrated in the background while the old index serves.
     */
    @Bean
    @ConditionalOnBean(VersionedIndexManager.class)
    ServiceIndices serviceIndices(VersionedIndexManager manager, IndexNames names, ObjectProvider<IndexDefinition> definitions,
                                  PlatformProperties properties) {
        ServiceIndices indices = new ServiceIndices(manager, names, properties.elasticsearch().migrationLease().dividedBy(4));
        indices.ensure(AUDIT_INDEX);
        definitions.orderedStream().forEach(indices::ensure);
        return indices;
    }

    /** Without the key there is no audit trail and so no service: it refuses to start, saying where the key comes from. */
    @Bean
    @ConditionalOnBean(ElasticsearchJson.class)
    AuditPseudonyms auditPseudonyms(PlatformProperties properties) {
        return AuditPseudonyms.fromBase64(properties.audit().pseudonymKey());
    }

    @Bean
    @ConditionalOnBean(ElasticsearchJson.class)
    AuditTrail auditTrail(ElasticsearchJson es, ElasticsearchClient client, IndexNames names, Clock clock, ServiceIndices indices,
                          AuditPseudonyms pseudonyms) {
        return new AuditTrail(es, client, names.alias(AUDIT_INDEX.resource()), clock, pseudonyms);
    }

    @Bean
    @ConditionalOnBean(AuditTrail.class)
    AuditEntries auditEntries(DocumentPages pages, AuditTrail trail) {
        return new AuditEntries(pages, trail.alias());
    }
}
