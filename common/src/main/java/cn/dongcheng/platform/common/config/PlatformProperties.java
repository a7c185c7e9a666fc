package cn.dongcheng.platform.common.config;

import cn.dongcheng.platform.common.time.DistrictTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.ZoneId;


/**
 * {@code platform.*}: the service's domain (index name prefix), the test namespace, request limits, bulk batching and
 * where tokens carry roles and subjects, the audit trail's pseudonym key, and the district's time zone
 * ({@code platform.time-zone}, default Asia/Shanghai: see {@link DistrictTime}).
 */
@ConfigurationProperties("platform")
public record PlatformProperties(String domain, Elasticsearch elasticsearch, Http http, Bulk bulk, Security security,
                                 Audit audit, ZoneId timeZone) {

    public PlatformProperties {
        elasticsearch = elasticsearch == null ? new Elasticsearch("", null) : elasticsearch;
        http = http == null ? new Http(0, 0) : http;
        bulk = bulk == null ? new Bulk(1000, 3) : bulk;
        security = security == null ? new Security(null, null) : security;
        audit = audit == null ? new Audit(null) : audit;
        timeZone = timeZone == null ? DistrictTime.DEFAULT_ZONE : timeZone;
    }

    /**
     * @param pseudonymKey base64 secret (≥ 32 bytes) for the keyed pseudonyms of personal identifiers in the audit
     *                     trail; defaults to the environment's {@code AUDIT_PSEUDONYM_KEY}
     */
    public record Audit(String pseudonymKey) {
    }

    /**
     * @param namespace      prefix before every index name; empty in production, unique per test class
     * @param migrationLease how long an index migration's lease outlives its holder's last renewal (default 60 s):
     *                       after an instance dies half-way, another takes the migration over this much later
     */
    public record Elasticsearch(String namespace, Duration migrationLease) {
        public Elasticsearch {
            migrationLease = migrationLease == null ? Duration.ofSeconds(60) : migrationLease;
        }
    }

    /**
     * @param maxBodyBytes          larger request bodies are refused with 413 (default 64 MiB)
     * @param maxPathVariableLength longer identifiers in a path are refused with 400 before Elasticsearch is asked
     *                              (default 100; the longest real one, an alert id, is about 50)
     */
    public record Http(long maxBodyBytes, int maxPathVariableLength) {
        public Http {
            maxBodyBytes = maxBodyBytes > 0 ? maxBodyBytes : 64L * 1024 * 1024;
            maxPathVariableLength = maxPathVariableLength > 0 ? maxPathVariableLength : 100;
        }
    }

    public record Bulk(int batchSize, int maxRetries) {
    }

    /**
     * Where a verified token carries the caller's roles and own identifier (what each role may do is in the service's
     * access matrix, {@code security/<application>-access-matrix.txt}).
     *
     * @param rolesClaim   claim or dotted path of the role names (default {@code roles}; Keycloak: {@code realm_access.roles})
     * @param subjectClaim claim of a citizen's ID number or an enterprise's credit code (default {@code subject_id})
     */
    public record Security(String rolesClaim, String subjectClaim) {
    }
}
