package cn.dongcheng.platform.gateway.resilience;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * Route filter {@code RelayServerError}, placed right inside the CircuitBreaker: a service's own 5xx answer (its
 * problem, request id, Retry-After) goes to the client in full at once. The breaker then counts the call as a failure
 * ({@code statusCodes}) by raising an error, which would otherwise throw that answer away for a gateway-made one;
 * DependencyFailureHandler lets the error end quietly behind the answer already sent.
 */
@Component
public class RelayServerErrorGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> chain.filter(exchange).then(Mono.defer(() -> {
            ServerHttpResponse response = exchange.getResponse();
            HttpStatusCode status = response.getStatusCode();
            Connection service = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
            if (status == null || !status.is5xxServerError() || service == null || response.isCommitted()
                    || !(response.bufferFactory() instanceof NettyDataBufferFactory buffers)) {
                return Mono.empty(); // anything else is written by Spring Cloud Gateway's NettyWriteResponseFilter, streaming
            }
            return response.writeWith(service.inbound().receive().retain().map(buffers::wrap));
        }));
    }
}
