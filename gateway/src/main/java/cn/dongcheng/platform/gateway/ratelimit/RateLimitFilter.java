package cn.dongcheng.platform.gateway.ratelimit;

import cn.dongcheng.platform.gateway.problem.ProblemErrorWebExceptionHandler;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Refuses a routed request whose caller has spent its bucket for that route: 429 problem with Retry-After, and the
 * service is not called. Every answer on a route carries RateLimit-Limit and RateLimit-Remaining.
 *
 * <p>Runs after authentication (Spring Security's web filter, which refuses a bad token before it spends anything) and
 * before the route filters, so a refused request never reaches a circuit breaker. A request costs one look-up in the
 * route's map and one lock-free bucket update, on the event loop. Requests whose token fails verification never get
 * here; {@link #refusedTokenAllowed} limits them by client address instead (each would otherwise cost a signature
 * check and an audit entry).
 */
@Component
@ConditionalOnProperty(name = "platform.gateway.rate-limits.enabled", havingValue = "true", matchIfMissing = true)
public class RateLimitFilter implements GlobalFilter, Ordered {

    /** Route metadata: the route whose buckets this one shares (a domain's bulk route spends its domain's buckets). */
    static final String BUCKETS_OF = "rate-limit-route";
    static final String LIMIT_HEADER = "RateLimit-Limit";
    static final String REMAINING_HEADER = "RateLimit-Remaining";

    private final RateLimitProperties properties;
    private final RateLimitKeyResolver keys;
    private final ProblemErrorWebExceptionHandler problems;
    private final Map<String, RouteBuckets> routes = new ConcurrentHashMap<>();
    private final Buckets refusedTokens;
    private final Function<String, RouteBuckets> newRoute;

    public RateLimitFilter(RateLimitProperties properties, RateLimitKeyResolver keys, ProblemErrorWebExceptionHandler problems) {
        this.properties = properties;
        this.keys = keys;
        this.problems = problems;
        this.newRoute = routeId -> new RouteBuckets(new Buckets(properties.authenticatedFor(routeId), properties.maxKeys()),
                new Buckets(properties.anonymousFor(routeId), properties.maxKeys()));
        this.refusedTokens = new Buckets(properties.anonymous(), properties.maxKeys());
    }

    /**
     * Whether a request whose token was refused may still be answered (and audited) as such: one token from its client
     * address's bucket of refused tokens (the anonymous limit). When it is spent the answer is the 429 written here,
     * so a flood of bad tokens from one address fills neither the gateway's CPU nor its audit trail.
     */
    public Mono<Boolean> refusedTokenAllowed(ServerWebExchange exchange) {
        ConsumptionProbe probe = refusedTokens.of(keys.clientAddress(exchange.getRequest())).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Mono.just(true) : tooMany(exchange, refusedTokens, probe).thenReturn(false);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return chain.filter(exchange);
        }
        RouteBuckets buckets = routes.computeIfAbsent(String.valueOf(route.getMetadata().getOrDefault(BUCKETS_OF, route.getId())), newRoute);
        return keys.resolve(exchange).flatMap(key ->
                admit(exchange, chain, key.authenticated() ? buckets.authenticated() : buckets.anonymous(), key.value()));
    }

    private Mono<Void> admit(ServerWebExchange exchange, GatewayFilterChain chain, Buckets buckets, String key) {
        ConsumptionProbe probe = buckets.of(key).tryConsumeAndReturnRemaining(1);
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set(LIMIT_HEADER, buckets.limitHeader);
        headers.set(REMAINING_HEADER, Long.toString(probe.getRemainingTokens()));
        if (probe.isConsumed()) {
            return chain.filter(exchange);
        }
        return tooMany(exchange, buckets, probe);
    }

    private Mono<Void> tooMany(ServerWebExchange exchange, Buckets buckets, ConsumptionProbe probe) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate limit of " + buckets.limit.capacity()
                + " requests, refilled at " + buckets.limit.refillPerSecond() + " per second, exceeded on this route; retry after "
                + seconds + " s");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20; // before the route filters (1, 2, …)
    }

    private record RouteBuckets(Buckets authenticated, Buckets anonymous) {
    }

    /** The buckets of one route and kind of key, under one limit. */
    private static final class Buckets {
        final RateLimitProperties.Limit limit;
        final String limitHeader;
        private final Cache<String, Bucket> byKey;
        private final Function<String, Bucket> newBucket;

        Buckets(RateLimitProperties.Limit limit, int maxKeys) {
            this.limit = limit;
            this.limitHeader = Long.toString(limit.capacity());
            Bandwidth bandwidth = Bandwidth.builder().capacity(limit.capacity())
                    .refillGreedy(limit.refillPerSecond(), Duration.ofSeconds(1)).build();
            this.newBucket = key -> Bucket.builder().addLimit(bandwidth).build();
            // a bucket left alone until it is full again is the same as a new one, so it may go then
            long refillNanos = Math.max(1_000_000_000L, limit.capacity() * 1_000_000_000L / limit.refillPerSecond());
            this.byKey = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(Duration.ofNanos(refillNanos)).build();
        }

        Bucket of(String key) {
            return byKey.get(key, newBucket);
        }
    }
}
