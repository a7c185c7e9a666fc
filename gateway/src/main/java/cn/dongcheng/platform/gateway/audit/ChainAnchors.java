package cn.dongcheng.platform.gateway.audit;

import cn.dongcheng.platform.common.audit.AuditChainPosition;
import cn.dongcheng.platform.common.audit.AuditEntries;
import cn.dongcheng.platform.common.audit.AuditEntry;
import cn.dongcheng.platform.common.audit.AuditEvent;
import cn.dongcheng.platform.common.audit.AuditQuery;
import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Anchors every service's audit chain in the gateway's own chain: each interval the head (seq, hash) of each service's
 * chain is fetched and recorded as an {@code ANCHOR} entry here. Whoever can rewrite a service's audit index cannot
 * silently cut off its newest entries, because the gateway's chain remembers a hash the service can no longer show.
 *
 * <p>Audit trail calls block (Elasticsearch, durable writes), so they run on {@link Schedulers#boundedElastic()},
 * never on the event loop.
 */
@Service
public class ChainAnchors {

    static final String ACTION = "ANCHOR";
    private static final Pattern DETAIL = Pattern.compile("seq=(\\d+) hash=([0-9a-f]{64})");
    private static final Logger log = LoggerFactory.getLogger(ChainAnchors.class);

    private final WebClient services;
    private final ServiceTokens tokens;
    private final AuditTrail trail;
    private final AuditEntries entries;
    private final ElasticsearchJson es;
    private final AnchorProperties properties;

    public ChainAnchors(WebClient auditServicesClient, ServiceTokens tokens, AuditTrail trail, AuditEntries entries,
                        ElasticsearchJson es, AnchorProperties properties) {
        this.services = auditServicesClient;
        this.tokens = tokens;
        this.trail = trail;
        this.entries = entries;
        this.es = es;
        this.properties = properties;
    }

    private static final Duration HEAD_TIMEOUT = Duration.ofSeconds(10);

    /** An anchored position of a service's chain, and when the gateway recorded it. */
    public record Anchor(String service, long seq, String hash, String time) {
    }

    @Scheduled(fixedDelayString = "${platform.audit.anchor-interval:60s}", initialDelayString = "${platform.audit.anchor-interval:60s}")
    void anchorOnSchedule() {
        anchorAll().then().block(); // a scheduler thread, not the event loop
    }

    /** Anchors every configured service now; a service that cannot be reached is logged and skipped until next time. */
    public Flux<Anchor> anchorAll() {
        return Flux.fromIterable(properties.anchoredServices())
                .concatMap(service -> anchor(service).onErrorResume(e -> {
                    log.warn("could not anchor the audit chain of {}: {}", service, e.toString());
                    return Mono.empty();
                }));
    }

    public Mono<Anchor> anchor(String service) {
        return tokens.token()
                .flatMap(token -> services.get().uri("http://{service}/v1/audit-chain/head", service)
                        .headers(h -> h.setBearerAuth(token))
                        .retrieve().bodyToMono(AuditChainPosition.class)
                        .timeout(HEAD_TIMEOUT)) // a service that accepts and never answers must not stop all anchoring
                .publishOn(Schedulers.boundedElastic())
                .map(head -> anchorOf(trail.append(new AuditEvent("gateway", "SERVICE", ACTION, service, null, "ok",
                        "seq=" + head.seq() + " hash=" + head.hash()))).orElseThrow());
    }

    /**
     * The service's own verification at its newest anchor, plus {@code anchor} and {@code truncated}: true (with a
     * problem line) when the service's chain no longer reaches the anchored entry or holds another hash there.
     *
     * @param authorization the auditor's Authorization header, relayed to the service
     */
    public Mono<ObjectNode> verify(String service, String authorization) {
        if (!properties.anchoredServices().contains(service)) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no audit chain of '" + service
                    + "' is anchored here; anchored: " + properties.anchoredServices()));
        }
        return Mono.fromCallable(() -> newestAnchor(service)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(anchor -> anchor.map(Mono::just).orElseGet(() -> Mono.error(new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "the audit chain of " + service + " has not been anchored yet"))))
                .flatMap(anchor -> services.get().uri("http://{service}/v1/audit-chain/verification?at={seq}", service, anchor.seq())
                        .headers(h -> {
                            if (authorization != null) {
                                h.set(HttpHeaders.AUTHORIZATION, authorization);
                            }
                        })
                        .retrieve().bodyToMono(ObjectNode.class)
                        .onErrorMap(WebClientResponseException.class, e -> new ResponseStatusException(
                                e.getStatusCode().is4xxClientError() ? e.getStatusCode() : HttpStatus.SERVICE_UNAVAILABLE,
                                service + " answered " + e.getStatusCode().value() + " to the verification", e))
                        .map(verification -> compare(verification, anchor)));
    }

    static ObjectNode compare(ObjectNode verification, Anchor anchor) {
        ObjectNode answer = verification.deepCopy();
        answer.putObject("anchor").put("seq", anchor.seq()).put("hash", anchor.hash()).put("time", anchor.time());
        JsonNode at = verification.path("at");
        String problem = null;
        if (!at.isObject()) {
            problem = "the chain no longer reaches entry " + anchor.seq() + ", anchored at " + anchor.time()
                    + " with hash " + anchor.hash() + " (head is now " + verification.path("headSeq").asLong() + "): entries were removed";
        } else if (!anchor.hash().equals(at.path("hash").asText())) {
            problem = "entry " + anchor.seq() + " has another hash than anchored at " + anchor.time() + " (" + at.path("hash").asText()
                    + " instead of " + anchor.hash() + "): the chain was cut and rewritten from there";
        }
        answer.put("truncated", problem != null);
        if (problem != null) {
            answer.put("intact", false);
            (answer.get("problems") instanceof ArrayNode problems ? problems : answer.putArray("problems")).add(problem);
        }
        return answer;
    }

    /** The newest anchor of one service in the gateway's chain (refreshed first: an auditor asks rarely). */
    Optional<Anchor> newestAnchor(String service) {
        es.refresh(trail.alias());
        return entries.newest(AuditQuery.of(Map.of("action", ACTION, "resource", service, "outcome", "ok")))
                .flatMap(ChainAnchors::anchorOf);
    }

    private static Optional<Anchor> anchorOf(AuditEntry entry) {
        Matcher m = DETAIL.matcher(entry.detail() == null ? "" : entry.detail());
        return m.matches() ? Optional.of(new Anchor(entry.resource(), Long.parseLong(m.group(1)), m.group(2), entry.time()))
                : Optional.empty();
    }
}
