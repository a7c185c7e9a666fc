package cn.dongcheng.platform.gateway.ratelimit;

import cn.dongcheng.platform.gateway.ratelimit.RateLimitKeyResolver.RateLimitKey;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.security.Principal;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitKeyResolverTest {

    private final RateLimitKeyResolver behindTheIngress = new RateLimitKeyResolver("10\\..*", 1);

    private static ServerWebExchange from(String peer, String... forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/industry/v1/enterprises")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        for (String header : forwardedFor) {
            request.header("X-Forwarded-For", header);
        }
        return MockServerWebExchange.from(request);
    }

    private static ServerWebExchange as(String subject, ServerWebExchange exchange) {
        Principal principal = () -> subject; // what JwtAuthenticationToken.getName() gives: the token's sub
        return exchange.mutate().principal(Mono.just(principal)).build();
    }

    private RateLimitKey key(RateLimitKeyResolver resolver, ServerWebExchange exchange) {
        return resolver.resolve(exchange).block();
    }

    @Test
    void anAuthenticatedCallerIsKeyedBySubjectWhateverItsAddress() {
        assertThat(key(behindTheIngress, as("alice", from("10.0.0.7", "203.0.113.1")))).isEqualTo(new RateLimitKey(true, "alice"));
        assertThat(key(behindTheIngress, as("bob", from("10.0.0.7", "203.0.113.1")))).isEqualTo(new RateLimitKey(true, "bob"));
    }

    @Test
    void withoutAPrincipalTheClientAddressIsTheKey() {
        assertThat(key(behindTheIngress, from("192.0.2.10"))).isEqualTo(new RateLimitKey(false, "192.0.2.10"));
    }

    @Test
    void forwardedForCountsOnlyFromATrustedProxy() {
        assertThat(key(behindTheIngress, from("192.0.2.10", "203.0.113.1")).value()).isEqualTo("192.0.2.10");
        assertThat(key(behindTheIngress, from("10.0.0.7", "203.0.113.1")).value()).isEqualTo("203.0.113.1");
        assertThat(key(new RateLimitKeyResolver(null, 1), from("10.0.0.7", "203.0.113.1")).value()).isEqualTo("10.0.0.7");
    }

    @Test
    void onlyTheEntriesTheTrustedProxiesWroteCount() {
        // the client sent "X-Forwarded-For: 198.51.100.9"; the ingress appended the address it saw
        assertThat(key(behindTheIngress, from("10.0.0.7", "198.51.100.9, 203.0.113.1")).value()).isEqualTo("203.0.113.1");
        assertThat(key(behindTheIngress, from("10.0.0.7", "198.51.100.9", "203.0.113.1")).value()).isEqualTo("203.0.113.1");
        RateLimitKeyResolver twoProxies = new RateLimitKeyResolver("10\\..*", 2);
        assertThat(key(twoProxies, from("10.0.0.7", "198.51.100.9, 203.0.113.1, 10.0.0.3")).value()).isEqualTo("203.0.113.1");
        assertThat(key(twoProxies, from("10.0.0.7", "203.0.113.1")).value()).isEqualTo("10.0.0.7");
    }

    @Test
    void anEntryThatIsNoAddressIsNeverLookedUp() {
        assertThat(key(behindTheIngress, from("10.0.0.7", "unknown")).value()).isEqualTo("10.0.0.7");
        assertThat(key(behindTheIngress, from("10.0.0.7", "localhost")).value()).isEqualTo("10.0.0.7");
    }

    @Test
    void anIpv6ClientIsKeyedByItsSlash64() {
        String a = key(behindTheIngress, from("10.0.0.7", "2001:db8:1:2::1")).value();
        String b = key(behindTheIngress, from("10.0.0.7", "2001:db8:1:2:ffff::9")).value();
        String c = key(behindTheIngress, from("10.0.0.7", "2001:db8:1:3::1")).value();
        assertThat(a).isEqualTo(b).isEqualTo("2001:db8:1:2::/64");
        assertThat(c).isNotEqualTo(a);
        assertThat(key(behindTheIngress, from("10.0.0.7", "::ffff:203.0.113.1")).value()).isEqualTo("203.0.113.1");
    }
}
