package cn.dongcheng.platform.gateway.body;

import cn.dongcheng.platform.common.config.PlatformProperties;
import cn.dongcheng.platform.gateway.problem.ClientFault;
import cn.dongcheng.platform.gateway.problem.ProblemErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The services' body limit ({@code platform.http.max-body-bytes}, one property and default for both: common's
 * {@link PlatformProperties}) enforced before a service is called: a declared Content-Length over it is answered 413 at
 * once; a body without one (chunked) is counted as it streams through and cut with 413 when it passes the limit. The
 * body is never held: each buffer goes on as it came. A body whose connection breaks off is the client's fault too, so
 * that no circuit breaker counts it against the service it was streaming to.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // right after the request id, before authentication: no token check for a refused body
public class RequestBodyLimitWebFilter implements WebFilter {

    private final long maxBytes;
    private final ProblemErrorWebExceptionHandler problems;

    public RequestBodyLimitWebFilter(PlatformProperties platform, ProblemErrorWebExceptionHandler problems) {
        this.maxBytes = platform.http().maxBodyBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return problems.write(exchange, new BodyTooLargeException("request body of " + declared
                    + " bytes exceeds the limit of " + maxBytes + " bytes"));
        }
        return chain.filter(exchange.mutate().request(new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return counted(super.getBody().onErrorMap(e -> ClientFault.in(e) == null, ClientBodyBrokenException::new), maxBytes);
            }
        }).build());
    }

    /** {@code body} as it comes, failing with 413 at the buffer that takes it past {@code maxBytes}. */
    static Flux<DataBuffer> counted(Flux<DataBuffer> body, long maxBytes) {
        return Flux.defer(() -> {
            long[] seen = {0};
            return body.handle((buffer, sink) -> {
                seen[0] += buffer.readableByteCount();
                if (seen[0] > maxBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(new BodyTooLargeException("request body exceeds the limit of " + maxBytes + " bytes"));
                } else {
                    sink.next(buffer);
                }
            });
        });
    }
}
