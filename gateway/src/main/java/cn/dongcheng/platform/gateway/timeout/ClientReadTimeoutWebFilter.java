package cn.dongcheng.platform.gateway.timeout;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * A client that stops sending its request body gets a 408 problem after {@code platform.gateway.timeouts.client-read}
 * instead of holding a connection to the gateway and one to the service until someone gives up.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2) // after the body limit: this watch wraps the body the service reads
public class ClientReadTimeoutWebFilter implements WebFilter {

    private final Duration timeout;

    public ClientReadTimeoutWebFilter(TimeoutProperties properties) {
        this.timeout = properties.clientRead();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (headers.getContentLength() <= 0 && !headers.containsKey(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange); // no body (HTTP/1.1): no timer on the look-up path
        }
        return chain.filter(exchange.mutate().request(new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return ClientReadWatch.watch(super.getBody(), timeout);
            }
        }).build());
    }
}
