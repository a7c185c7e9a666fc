package cn.dongcheng.platform.gateway.security;

import cn.dongcheng.platform.gateway.problem.ProblemErrorWebExceptionHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's refusals as problems with the request id: 401 for a token that fails verification (missing, expired,
 * wrongly signed, another issuer or audience) before any service is called, 403 for its own endpoints.
 */
@Component
class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemErrorWebExceptionHandler problems;

    SecurityProblems(ProblemErrorWebExceptionHandler problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException e) {
        boolean tokenRejected = e instanceof OAuth2AuthenticationException;
        String detail = tokenRejected
                ? "the bearer token was rejected: " + describe((OAuth2AuthenticationException) e)
                : "this endpoint needs a bearer token with a role that may use it";
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                tokenRejected ? "Bearer error=\"invalid_token\"" : "Bearer");
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, detail);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.write(exchange, HttpStatus.FORBIDDEN, "the caller's roles may not use this endpoint of the gateway");
    }

    private static String describe(OAuth2AuthenticationException e) {
        String description = e.getError().getDescription();
        return description == null ? e.getError().getErrorCode() : description;
    }
}
