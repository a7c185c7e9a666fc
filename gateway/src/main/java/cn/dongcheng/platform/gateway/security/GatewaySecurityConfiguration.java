package cn.dongcheng.platform.gateway.security;

import cn.dongcheng.platform.common.security.AccessMatrix;
import cn.dongcheng.platform.common.security.BearerTokens;
import cn.dongcheng.platform.common.security.JwtCallers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;


/**
 * The gateway checks every bearer token like the services do (signature, issuer, audience, expiry) and refuses a bad
 * one before any service is called; it adds no identity of its own — the token travels on unchanged and each service
 * decides from its own access matrix. The gateway's own endpoints (actuator, OpenAPI UI) and the services' routed
 * actuators follow the gateway's matrix.
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySecurityConfiguration {

    /** Path prefixes the gateway routes to a service: the service decides, the gateway only verifies the token. */
    static final String[] ROUTED = {"/api/population/**", "/api/industry/**", "/api/credit/**", "/api/supervision/**"};

    /**
     * A service's actuator behind its route: decided by the gateway's matrix too (health public, the rest staff-only),
     * so metrics never leave the platform without a token even if a service's own rules slip.
     */
    static final String ROUTED_ACTUATOR = "/api/*/actuator/**";

    /** The gateway's own endpoints' rules (security/gateway-access-matrix.txt). */
    @Bean
    AccessMatrix accessMatrix() {
        return AccessMatrix.load(AccessMatrix.location("gateway"));
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, JwtCallers callers, SecurityProblems problems,
                                           AccessMatrix matrix) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(a -> a
                        .pathMatchers(ROUTED_ACTUATOR).access(new GatewayMatrixAuthorization(matrix))
                        .pathMatchers(ROUTED).permitAll()
                        .anyExchange().access(new GatewayMatrixAuthorization(matrix)))
                .oauth2ResourceServer(o -> o
                        .bearerTokenConverter(exchange -> Mono.fromCallable(() -> BearerTokens.fromAuthorizationHeader(
                                exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))).map(BearerTokenAuthenticationToken::new))
                        .jwt(j -> j.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(callers)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }
}
