package cn.dongcheng.platform.gateway.fallback;

import cn.dongcheng.platform.gateway.tracing.RequestIdWebFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.net.URI;

/** Where the circuit breakers send a call whose service is down, slow or failing: a 503 problem naming the service. */
@RestController
public class FallbackController {

    @RequestMapping("/fallback/{service}")
    public ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                service + " is unavailable" + (cause == null ? "" : ": " + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")")));
        problem.setType(URI.create("https://data.dongcheng.gov.cn/problems/dependency-unavailable"));
        problem.setTitle("Service unavailable");
        URI original = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR) instanceof java.util.Set<?> urls
                && !urls.isEmpty() ? (URI) urls.iterator().next() : exchange.getRequest().getURI();
        problem.setInstance(URI.create(original.getPath()));
        problem.setProperty("dependency", service);
        problem.setProperty("requestId", exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
