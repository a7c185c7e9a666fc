package cn.dongcheng.platform.gateway.resilience;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.util.retry.Retry;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;

/**
 * Route filter {@code ConnectRetry=<retries>,<first backoff>}: tries a GET or HEAD without a body again when no
 * connection to the service could be made (refused, or none in time; each try asks the load balancer again). Nothing
 * reached the service, so nothing is done twice, and there is no body to replay. Spring Cloud Gateway's own Retry
 * filter is not used: it caches every request body of its route, whatever the method.
 */
@Component
public class ConnectRetryGatewayFilterFactory extends AbstractGatewayFilterFactory<ConnectRetryGatewayFilterFactory.Config> {

    public ConnectRetryGatewayFilterFactory() {
        super(Config.class);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("retries", "backoff");
    }

    @Override
    public GatewayFilter apply(Config config) {
        return (exchange, chain) -> {
            if (!retriable(exchange.getRequest())) {
                return chain.filter(exchange);
            }
            return chain.filter(exchange).retryWhen(Retry.backoff(config.getRetries(), config.getBackoff())
                    .filter(e -> DependencyFailureHandler.causedBy(e, ConnectException.class) && !exchange.getResponse().isCommitted())
                    .doBeforeRetry(signal -> ServerWebExchangeUtils.reset(exchange))
                    .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
        };
    }

    static boolean retriable(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        return (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))
                && headers.getContentLength() <= 0 && !headers.containsKey(HttpHeaders.TRANSFER_ENCODING);
    }

    public static class Config {
        private int retries = 2;
        private Duration backoff = Duration.ofMillis(50);

        public int getRetries() {
            return retries;
        }

        public void setRetries(int retries) {
            this.retries = retries;
        }

        public Duration getBackoff() {
            return backoff;
        }

        public void setBackoff(Duration backoff) {
            this.backoff = backoff;
        }
    }
}
