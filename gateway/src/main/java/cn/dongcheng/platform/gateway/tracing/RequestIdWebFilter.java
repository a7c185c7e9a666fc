package cn.dongcheng.platform.gateway.tracing;

import cn.dongcheng.platform.common.web.RequestIds;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * Gives every request a new id (a client's own X-Request-Id is replaced, never trusted), forwards it to the services and returns it
 * on every response, errors included. A web filter rather than a gateway filter so gateway-made errors carry it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdWebFilter implements WebFilter {

    public static final String ATTRIBUTE = RequestIdWebFilter.class.getName() + ".id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // always the gateway's own: the services write it into their audit trails, so a client must not choose it
        String id = UUID.randomUUID().toString();
        exchange.getAttributes().put(ATTRIBUTE, id);
        // at commit time, so the id replaces the copy a service sends back instead of standing beside it
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(RequestIds.HEADER, id);
            return Mono.empty();
        });
        ServerWebExchange withId = exchange.mutate().request(r -> r.headers(h -> h.set(RequestIds.HEADER, id))).build();
        return chain.filter(withId).contextWrite(ctx -> ctx.put(RequestIds.MDC_KEY, id));
    }
}
