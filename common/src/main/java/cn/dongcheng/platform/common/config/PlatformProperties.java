package cn.dongcheng.platform.common.config;

import cn.dongcheng.platform.common.security.CallerRole;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Set;

/**
 * {@code platform.*}: the service's domain (index name prefix), the test namespace, request limits, bulk batching and
 * which roles see personal data unmasked, and the audit trail's pseudonym key.
 */
@ConfigurationProperties("platform")
public record PlatformProperties(String domain, Elasticsearch elasticsearch, Http http, Bulk bulk, Security security,
                                 Audit audit) {

    public PlatformProperties {
        elasticsearch = elasticsearch == null ? new Elasticsearch("") : elasticsearch;
        http = http == null ? new Http(64L * 1024 * 1024) : http;
        bulk = bulk == null ? new Bulk(1000, 3) : bulk;
        security = security == null ? new Security(Set.of(), Set.of()) : security;
        audit = audit == null ? new Audit(null) : audit;
    }

    /**
     * @param pseudonymKey base64 secret (≥ 32 bytes) for the keyed pseudonyms of personal identifiers in the audit
     *                     trail; defaults to the environment's {@code AUDIT_PSEUDONYM_KEY}
     */
    public record Audit(String pseudonymKey) {
    }

    /** @param namespace prefix before every index name; empty in production, unique per test class */
    public record Elasticsearch(String namespace) {
    }

    /** @param maxBodyBytes larger request bodies are refused with 413 */
    public record Http(long maxBodyBytes) {
    }

    public record Bulk(int batchSize, int maxRetries) {
    }

    /**
     * @param unmaskedRoles roles that see natural persons' data in full (every such read is audited)
     * @param writerRoles   roles that may ingest or change data
     */
    public record Security(Set<CallerRole> unmaskedRoles, Set<CallerRole> writerRoles) {
        public Security {
            unmaskedRoles = unmaskedRoles == null ? Set.of() : Set.copyOf(unmaskedRoles);
            writerRoles = writerRoles == null ? Set.of() : Set.copyOf(writerRoles);
        }
    }
}
