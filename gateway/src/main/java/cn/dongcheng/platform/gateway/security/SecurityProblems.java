package cn.dongcheng.platform.gateway.security;

import cn.dongcheng.platform.common.audit.AuditEvent;
import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.security.Access;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.common.security.JwtCallers;
import cn.dongcheng.platform.gateway.problem.ProblemErrorWebExceptionHandler;
import cn.dongcheng.platform.gateway.ratelimit.RateLimitFilter;
import org.springframework.beans.factory.ObjectProvider;
import cn.dongcheng.platform.gateway.tracing.RequestIdWebFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The gateway's refusals as problems with the request id, each written to the gateway's audit trail: 401 for a token
 * that fails verification (expired, wrongly signed, another issuer or audience) before any service is called, and for
 * its own endpoints without a token; 403 for its own endpoints with a token whose roles its matrix refuses.
 */
@Component
class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);

    private final ProblemErrorWebExceptionHandler problems;
    private final AuditTrail audit;
    private final ObjectProvider<RateLimitFilter> limits;

    SecurityProblems(ProblemErrorWebExceptionHandler problems, AuditTrail audit, ObjectProvider<RateLimitFilter> limits) {
        this.problems = problems;
        this.audit = audit;
        this.limits = limits;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException e) {
        boolean tokenRejected = e instanceof OAuth2AuthenticationException;
        String detail = tokenRejected
                ? JwtCallers.rejection((OAuth2AuthenticationException) e)
                : "this endpoint needs a bearer token with a role that may use it";
        Mono<Void> refuse = Mono.defer(() -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    tokenRejected ? "Bearer error=\"invalid_token\"" : "Bearer");
            return record(exchange, Mono.just(CallerContext.anonymous()), tokenRejected ? "TOKEN_REJECTED" : "AUTHENTICATION_REQUIRED",
                    "401", detail).then(problems.write(exchange, HttpStatus.UNAUTHORIZED, detail));
        });
        RateLimitFilter limit = limits.getIfAvailable();
        return limit == null ? refuse : limit.refusedTokenAllowed(exchange).flatMap(allowed -> allowed ? refuse : Mono.empty());
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        String detail = "the caller's roles may not use this endpoint of the gateway";
        Mono<CallerContext> caller = exchange.getPrincipal()
                .map(principal -> new CallerContext(principal.getName(), JwtCallers.roles((Authentication) principal), null, Access.DENY))
                .defaultIfEmpty(CallerContext.anonymous());
        return record(exchange, caller, "ACCESS_DENIED", "403", detail).then(problems.write(exchange, HttpStatus.FORBIDDEN, detail));
    }

    /**
     * Where the request went, without what a client put in the rest of the path (it might be a person's identifier,
     * and the audit trail cannot be cleaned afterwards): {@code /api/population/**}, {@code /actuator/**}.
     */
    static String area(String path) {
        String[] segments = path.split("/", 4);
        if (segments.length > 2 && "api".equals(segments[1]) && segments[2].matches("[a-z-]{1,20}")) {
            return "/api/" + segments[2] + "/**";
        }
        return segments.length > 1 && segments[1].matches("[a-z0-9.-]{1,20}") ? "/" + segments[1] + "/**" : "/**";
    }

    /** The audit write is blocking: off the event loop; a failure to audit is logged and the refusal stands. */
    private Mono<Void> record(ServerWebExchange exchange, Mono<CallerContext> caller, String action, String outcome, String detail) {
        String requestId = exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE);
        String resource = exchange.getRequest().getMethod().name() + " " + area(exchange.getRequest().getPath().value());
        return caller.flatMap(who -> Mono.fromRunnable(() -> audit.append(new AuditEvent(who.actor(), who.roleNames(), action,
                        resource, requestId, outcome, detail))).subscribeOn(Schedulers.boundedElastic()))
                .onErrorResume(e -> {
                    log.warn("could not audit a refused request ({}): {}", action, e.toString());
                    return Mono.empty();
                })
                .then();
    }
}
