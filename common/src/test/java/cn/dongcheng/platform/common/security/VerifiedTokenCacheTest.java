package cn.dongcheng.platform.common.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokenCacheTest {

    private final Instant now = Instant.parse("2026-11-30T02:00:00Z");
    private final AtomicInteger checks = new AtomicInteger();

    private Jwt jwt(String token, Instant expires) {
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("x").issuedAt(expires.minusSeconds(600)).expiresAt(expires).build();
    }

    @Test
    void aVerifiedTokenIsCheckedOnceUntilItExpiresAndAFailedOneEveryTime() {
        JwtDecoder issuer = token -> {
            checks.incrementAndGet();
            if (token.startsWith("bad")) {
                throw new BadJwtException("signature");
            }
            return jwt(token, now.plusSeconds(1800));
        };
        JwtDecoder cached = new VerifiedTokenCache(100, Clock.fixed(now, ZoneOffset.UTC)).in(issuer);

        assertThat(cached.decode("good").getSubject()).isEqualTo("x");
        cached.decode("good");
        assertThat(checks).hasValue(1);

        assertThatThrownBy(() -> cached.decode("bad")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cached.decode("bad")).isInstanceOf(BadJwtException.class);
        assertThat(checks).hasValue(3);
    }

    @Test
    void aCachedTokenPastItsExpiryIsCheckedAgainAndRefused() {
        MutableClock time = new MutableClock(now);
        JwtDecoder issuer = token -> {
            checks.incrementAndGet();
            if (!now.plusSeconds(30).isAfter(time.instant())) {
                throw new BadJwtException("expired");
            }
            return jwt(token, now.plusSeconds(30));
        };
        JwtDecoder cached = new VerifiedTokenCache(100, time).in(issuer);
        cached.decode("t");
        time.at = now.plusSeconds(31);
        assertThatThrownBy(() -> cached.decode("t")).isInstanceOf(BadJwtException.class);
        assertThat(checks).hasValue(2);
    }

    private static final class MutableClock extends Clock {
        Instant at;

        MutableClock(Instant at) {
            this.at = at;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return at;
        }
    }
}
