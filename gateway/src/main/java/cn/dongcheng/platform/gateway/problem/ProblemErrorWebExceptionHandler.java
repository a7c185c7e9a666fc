package cn.dongcheng.platform.gateway.problem;

import cn.dongcheng.platform.gateway.tracing.RequestIdWebFilter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Errors the gateway itself raises (no route, bad token, a client's fault, failures) are RFC 9457 problems like the
 * services' own. A service that failed is answered before this handler ({@code resilience.DependencyFailureHandler}).
 */
@Component
@Order(-2) // before Spring Boot's default handler
public class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);
    private final ObjectMapper mapper;

    public ProblemErrorWebExceptionHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        ClientFault fault = ClientFault.in(error);
        if (fault != null) { // wherever it surfaced (a routed body fails inside the call to the service): the client's answer
            return write(exchange, fault);
        }
        HttpStatusCode status = error instanceof ResponseStatusException rse ? rse.getStatusCode() : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = error instanceof ResponseStatusException rse && rse.getReason() != null ? rse.getReason()
                : status.is5xxServerError() ? "the gateway failed to handle the request" : error.getMessage();
        if (status.is5xxServerError()) {
            log.error("gateway error on {}", exchange.getRequest().getPath(), error);
        }
        return write(exchange, status, detail);
    }

    /** Writes an RFC 9457 problem as the response; also used by filters that refuse a request outright. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail) {
        return write(exchange, status, null, null, detail, Map.of());
    }

    /**
     * Answers a client's fault as its problem, and closes the connection after it: the rest of a refused or stalled body
     * would otherwise still have to be read off it.
     */
    public Mono<Void> write(ServerWebExchange exchange, ClientFault fault) {
        exchange.getResponse().getHeaders().setConnection("close");
        return write(exchange, fault.getStatusCode(), fault.type(), fault.title(), fault.getReason(), Map.of());
    }

    /**
     * Writes an RFC 9457 problem of a given type (the last segment of its URI; null: named after the status) and title
     * (null: the status's reason phrase), with {@code extra} members after the standard ones.
     */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String type, String title, String detail,
                            Map<String, Object> extra) {
        HttpStatus resolved = HttpStatus.resolve(status.value());
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://data.dongcheng.gov.cn/problems/" + (type != null ? type : resolved == null ? "error"
                : resolved.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.put("title", title != null ? title : resolved == null ? "Error" : resolved.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        problem.putAll(extra);
        problem.put("requestId", exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE));
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            body = ("{\"status\":" + status.value() + "}").getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponse().setStatusCode(status);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer = exchange.getResponse().bufferFactory().wrap(body);
        return exchange.getResponse().writeWith(Mono.just(buffer));
    }
}
