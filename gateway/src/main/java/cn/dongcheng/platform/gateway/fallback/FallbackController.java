package cn.dongcheng.platform.gateway.fallback;

import cn.dongcheng.platform.gateway.tracing.RequestIdWebFilter;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.net.ConnectException;
import java.net.URI;
import java.util.concurrent.TimeoutException;

/**
 * Where the circuit breakers send a call whose service is down, slow or failing: a 503 problem naming the service and
 * what kind of failure it was — never the internal address or message of the failure — with a Retry-After.
 */
@RestController
public class FallbackController {

    static final String OPEN_CIRCUIT_RETRY_SECONDS = "10";
    static final String FAILED_CALL_RETRY_SECONDS = "2";

    @RequestMapping("/fallback/{service}")
    public ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        boolean open = cause instanceof CallNotPermittedException;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                service + " is unavailable" + (cause == null ? "" : " (" + kind(cause) + ")"));
        problem.setType(URI.create("https://data.dongcheng.gov.cn/problems/dependency-unavailable"));
        problem.setTitle("Service unavailable");
        URI original = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR) instanceof java.util.Set<?> urls
                && !urls.isEmpty() ? (URI) urls.iterator().next() : exchange.getRequest().getURI();
        problem.setInstance(URI.create(original.getPath()));
        problem.setProperty("dependency", service);
        problem.setProperty("requestId", exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                // an open circuit stays open for its wait duration; anything else may pass on the next try
                .header(HttpHeaders.RETRY_AFTER, open ? OPEN_CIRCUIT_RETRY_SECONDS : FAILED_CALL_RETRY_SECONDS)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The kind of failure in words a caller can act on; exception messages name internal hosts and ports. */
    static String kind(Throwable cause) {
        if (cause instanceof CallNotPermittedException) {
            return "circuit open after repeated failures";
        }
        if (cause instanceof TimeoutException) {
            return "no answer in time";
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
        }
        return "failed";
    }
}
