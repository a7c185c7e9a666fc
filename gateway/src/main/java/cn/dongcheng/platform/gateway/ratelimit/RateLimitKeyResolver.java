package cn.dongcheng.platform.gateway.ratelimit;

import io.netty.util.NetUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whose bucket a request spends: the authenticated principal's name ({@code exchange.getPrincipal()}; with Spring
 * Security's JWT resource server a {@code JwtAuthenticationToken}, whose name is the token's {@code sub}), else the
 * client address.
 *
 * <p>The client address is the connection's peer. Only when that peer matches the gateway's
 * {@code spring.cloud.gateway.server.webflux.trusted-proxies} does X-Forwarded-For count, and then only its
 * {@code trusted-proxy-hops}-th entry from the right — what our own proxies wrote, never what the client sent before
 * them. The peer is read from the connection because, with trusted-proxies set, Spring Cloud Gateway lets Reactor
 * Netty replace {@code request.getRemoteAddress()} by the <em>leftmost</em> X-Forwarded-For entry, which the client
 * chooses whenever a proxy appends to the header. Spring Cloud Gateway's {@code XForwardedRemoteAddressResolver} does
 * the same counting but reads the header whoever sent it and resolves a non-literal entry through DNS, on the event
 * loop; here an entry that is not an IP literal is ignored.
 *
 * <p>IPv6 clients are keyed by their /64 network, the block one subscriber usually holds, so rotating addresses
 * inside it does not buy fresh buckets.
 */
@Component
public class RateLimitKeyResolver {

    private static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final Pattern trustedProxies;
    private final int trustedProxyHops;

    @Autowired
    public RateLimitKeyResolver(GatewayProperties gateway, RateLimitProperties properties) {
        this(gateway.getTrustedProxies(), properties.trustedProxyHops());
    }

    RateLimitKeyResolver(String trustedProxies, int trustedProxyHops) {
        this.trustedProxies = StringUtils.hasText(trustedProxies) ? Pattern.compile(trustedProxies) : null;
        this.trustedProxyHops = trustedProxyHops;
    }

    /** The caller's key; never empty (a request without any address is keyed "unknown"). */
    public Mono<RateLimitKey> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .mapNotNull(principal -> StringUtils.hasText(principal.getName()) ? new RateLimitKey(true, principal.getName()) : null)
                .switchIfEmpty(Mono.fromSupplier(() -> new RateLimitKey(false, clientAddress(exchange.getRequest()))));
    }

    String clientAddress(ServerHttpRequest request) {
        InetSocketAddress peer = peer(request);
        InetAddress address = peer == null ? null : peer.getAddress();
        if (address != null && trustedProxies != null && trustedProxies.matcher(peer.getHostString()).matches()) {
            InetAddress forwarded = forwardedClient(request);
            if (forwarded != null) {
                address = forwarded;
            }
        }
        return address == null ? "unknown" : key(address);
    }

    /** The TCP peer, not the address Reactor Netty may have taken from the forwarding headers. */
    private static InetSocketAddress peer(ServerHttpRequest request) {
        try {
            if (ServerHttpRequestDecorator.getNativeRequest(request) instanceof Connection connection
                    && connection.channel().remoteAddress() instanceof InetSocketAddress address) {
                return address;
            }
        } catch (IllegalArgumentException | IllegalStateException notNetty) {
            // a request that is not Reactor Netty's (tests, another server): its remote address is the peer
        }
        return request.getRemoteAddress();
    }

    private InetAddress forwardedClient(ServerHttpRequest request) {
        List<String> headers = request.getHeaders().get(X_FORWARDED_FOR);
        if (headers == null || headers.isEmpty()) {
            return null;
        }
        // several header lines are one comma-separated list (RFC 9110 §5.3); count from the end of the last one
        int skip = trustedProxyHops - 1;
        for (int h = headers.size() - 1; h >= 0; h--) {
            String header = headers.get(h);
            int end = header.length();
            while (end >= 0) {
                int start = header.lastIndexOf(',', end - 1);
                if (skip-- == 0) {
                    return literal(header.substring(start + 1, end).trim());
                }
                end = start;
            }
        }
        return null; // fewer entries than hops: the peer stays the client
    }

    private static InetAddress literal(String value) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(value);
        try {
            return bytes == null ? null : InetAddress.getByAddress(bytes); // no DNS: bytes only
        } catch (UnknownHostException impossible) {
            return null;
        }
    }

    private static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            StringBuilder prefix = new StringBuilder(24);
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        }
        return address.getHostAddress();
    }

    /** A subject (authenticated) or a client address (anonymous). */
    public record RateLimitKey(boolean authenticated, String value) {
    }
}
