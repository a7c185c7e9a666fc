package cn.dongcheng.platform.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * {@code platform.gateway.rate-limits}: a token bucket per caller and route. An authenticated caller is keyed by its
 * subject, anyone else by client address; each route may override either limit. Limits are per gateway replica.
 *
 * @param enabled          off = no bucket, no header, nothing refused
 * @param authenticated    the default limit per subject and route
 * @param anonymous        the default limit per client address and route (callers without a principal)
 * @param routes           route id → overrides of either limit
 * @param maxKeys          buckets kept per route and kind (subject / address); the least used go first, so callers
 *                         rotating addresses cannot exhaust memory (an evicted caller starts again with a full bucket)
 * @param trustedProxyHops how many X-Forwarded-For entries, counted from the right, the trusted proxies wrote; the
 *                         client address is the leftmost of those (1 = the address the nearest proxy saw). Only read
 *                         when the connection comes from a trusted proxy
 *                         ({@code spring.cloud.gateway.server.webflux.trusted-proxies})
 */
@ConfigurationProperties("platform.gateway.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        Limit authenticated,
        Limit anonymous,
        Map<String, RouteLimits> routes,
        @DefaultValue("10000") int maxKeys,
        @DefaultValue("1") int trustedProxyHops) {

    public RateLimitProperties {
        if (enabled && (authenticated == null || anonymous == null)) {
            throw new IllegalArgumentException("platform.gateway.rate-limits needs both an authenticated and an anonymous limit");
        }
        if (maxKeys < 1 || trustedProxyHops < 1) {
            throw new IllegalArgumentException("platform.gateway.rate-limits.max-keys and trusted-proxy-hops must be at least 1");
        }
        routes = routes == null ? Map.of() : Map.copyOf(routes);
    }

    /** The authenticated and the anonymous limit of one route: its override, else the default. */
    Limit authenticatedFor(String routeId) {
        RouteLimits route = routes.get(routeId);
        return route == null || route.authenticated() == null ? authenticated : route.authenticated();
    }

    Limit anonymousFor(String routeId) {
        RouteLimits route = routes.get(routeId);
        return route == null || route.anonymous() == null ? anonymous : route.anonymous();
    }

    /** A bucket of {@code capacity} requests (the burst) that refills continuously at {@code refillPerSecond}. */
    public record Limit(long capacity, long refillPerSecond) {
        public Limit {
            if (capacity < 1 || refillPerSecond < 1) {
                throw new IllegalArgumentException("a rate limit needs capacity and refill-per-second of at least 1");
            }
        }
    }

    public record RouteLimits(Limit authenticated, Limit anonymous) {
    }
}
