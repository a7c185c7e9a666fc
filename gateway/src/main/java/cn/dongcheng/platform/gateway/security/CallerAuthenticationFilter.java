package cn.dongcheng.platform.gateway.security;

import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.common.security.CallerRole;
import cn.dongcheng.platform.gateway.problem.ProblemErrorWebExceptionHandler;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Decides who is calling. Caller and role headers from the outside are always dropped — only the gateway asserts
 * them — then a known bearer token sets them, no token means the public role, and an unknown token is refused (401).
 */
@Component
public class CallerAuthenticationFilter implements GlobalFilter, Ordered {

    private final GatewaySecurityProperties properties;
    private final ProblemErrorWebExceptionHandler problems;

    public CallerAuthenticationFilter(GatewaySecurityProperties properties, ProblemErrorWebExceptionHandler problems) {
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        GatewaySecurityProperties.Caller caller;
        if (authorization == null || authorization.isBlank()) {
            caller = new GatewaySecurityProperties.Caller("anonymous", CallerRole.PUBLIC);
        } else {
            String token = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : "";
            caller = properties.tokens().get(token);
            if (caller == null) {
                exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unknown or malformed bearer token");
            }
        }
        GatewaySecurityProperties.Caller who = caller;
        ServerWebExchange authenticated = exchange.mutate().request(r -> r.headers(h -> {
            h.remove(HttpHeaders.AUTHORIZATION);
            h.set(CallerContext.CALLER_HEADER, who.caller());
            h.set(CallerContext.ROLE_HEADER, who.role().name());
        })).build();
        return chain.filter(authenticated);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
