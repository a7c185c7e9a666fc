package cn.dongcheng.platform.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;

/**
 * Remembers tokens that passed every check (signature, issuer, audience, expiry) until they expire, so a caller's
 * repeated requests pay the RSA signature check and the JSON parse once per token rather than once per request. A
 * token is a bearer credential that stays valid until {@code exp} whether or not it is cached, so remembering the
 * verdict changes nothing a caller can do; a token that failed is never remembered. Bounded in size.
 */
public final class VerifiedTokenCache {

    private final Cache<String, Jwt> verified;
    private final Clock clock;

    public VerifiedTokenCache(int maximumSize, Clock clock) {
        this.verified = Caffeine.newBuilder().maximumSize(maximumSize).build();
        this.clock = clock;
    }

    private Jwt fresh(String token) {
        Jwt jwt = verified.getIfPresent(token);
        if (jwt == null) {
            return null;
        }
        if (jwt.getExpiresAt() == null || !jwt.getExpiresAt().isAfter(clock.instant())) {
            verified.invalidate(token); // expired since it was checked: the full checks run again and refuse it
            return null;
        }
        return jwt;
    }

    private Jwt remember(String token, Jwt jwt) {
        if (jwt.getExpiresAt() != null) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** A servlet service's decoder with this cache in front. */
    public JwtDecoder in(JwtDecoder decoder) {
        return token -> {
            Jwt known = fresh(token);
            return known != null ? known : remember(token, decoder.decode(token));
        };
    }

    /** The gateway's reactive decoder with this cache in front. */
    public ReactiveJwtDecoder in(ReactiveJwtDecoder decoder) {
        return token -> {
            Jwt known = fresh(token);
            return known != null ? Mono.just(known) : decoder.decode(token).map(jwt -> remember(token, jwt));
        };
    }

    /**
     * Puts a cache in front of the application's decoder bean (servlet or reactive), sized by
     * {@code platform.security.token-cache-size} (default 10,000; 0 switches it off, e.g. to measure its effect).
     */
    public static BeanPostProcessor postProcessor(Environment env) {
        int size = env.getProperty("platform.security.token-cache-size", Integer.class, 10_000);
        VerifiedTokenCache cache = size <= 0 ? null : new VerifiedTokenCache(size, Clock.systemUTC());
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (cache == null) {
                    return bean;
                }
                return bean instanceof JwtDecoder d ? cache.in(d) : bean instanceof ReactiveJwtDecoder r ? cache.in(r) : bean;
            }
        };
    }
}
