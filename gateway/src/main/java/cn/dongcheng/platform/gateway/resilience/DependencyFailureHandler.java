package cn.dongcheng.platform.gateway.resilience;

import cn.dongcheng.platform.gateway.problem.ClientFault;
import cn.dongcheng.platform.gateway.problem.ProblemErrorWebExceptionHandler;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.channel.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerFilterFactory.CircuitBreakerStatusCodeException;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * A routed call whose service is down, slow or failing, or whose circuit is open, is answered with a 503 problem naming
 * the service and the kind of failure — never the internal address or message of the failure — with a Retry-After.
 *
 * <p>This replaces the circuit breakers' {@code fallbackUri}: Spring Cloud Gateway caches every request body of a route
 * with a fallback (to replay it to the fallback), which held whole bulk uploads in direct memory. Without a fallback the
 * breaker's failure travels here as an error, and the body only ever streams.
 */
@Component
@Order(-3) // before ProblemErrorWebExceptionHandler, which answers everything else
public class DependencyFailureHandler implements ErrorWebExceptionHandler {

    static final String OPEN_CIRCUIT_RETRY_SECONDS = "10"; // resilience4j's wait-duration-in-open-state
    static final String FAILED_CALL_RETRY_SECONDS = "2";

    private static final Logger log = LoggerFactory.getLogger(DependencyFailureHandler.class);
    private final ProblemErrorWebExceptionHandler problems;

    public DependencyFailureHandler(ProblemErrorWebExceptionHandler problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (error instanceof CircuitBreakerStatusCodeException && exchange.getResponse().isCommitted()) {
            // the service's own 5xx, relayed in full and counted by its breaker; an error now would cut the answer off
            return Mono.empty();
        }
        if (route == null || exchange.getResponse().isCommitted() || ClientFault.in(error) != null) {
            return Mono.error(error);
        }
        String service = route.getUri().getHost();
        String kind = kind(error);
        log.warn("{} unavailable for {} {}: {}", service, exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error.toString());
        // an open circuit stays open for its wait duration; anything else may pass on the next try
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, open(error) ? OPEN_CIRCUIT_RETRY_SECONDS : FAILED_CALL_RETRY_SECONDS);
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable", "Service unavailable",
                service + " is unavailable (" + kind + ")", Map.of("dependency", service));
    }

    /** Spring Cloud Gateway's Resilience4J breaker turns the refused call into a bare ServiceUnavailableException. */
    private static boolean open(Throwable error) {
        return error instanceof ServiceUnavailableException || causedBy(error, CallNotPermittedException.class);
    }

    /** The kind of failure in words a caller can act on; exception messages name internal hosts and ports. */
    static String kind(Throwable error) {
        if (open(error)) {
            return "circuit open after repeated failures";
        }
        if (causedBy(error, ConnectTimeoutException.class)) {
            return "no connection in time";
        }
        if (causedBy(error, TimeoutException.class) || causedBy(error, org.springframework.cloud.gateway.support.TimeoutException.class)
                || causedBy(error, io.netty.handler.timeout.TimeoutException.class)) {
            return "no answer in time";
        }
        if (causedBy(error, ConnectException.class)) {
            return "connection refused";
        }
        if (error instanceof NotFoundException) {
            return "no instance available";
        }
        return "failed";
    }

    static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
