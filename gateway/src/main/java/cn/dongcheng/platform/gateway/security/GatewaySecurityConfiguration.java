package cn.dongcheng.platform.gateway.security;

import cn.dongcheng.platform.common.config.PlatformProperties;
import cn.dongcheng.platform.common.security.AccessMatrix;
import cn.dongcheng.platform.common.security.JwtCallers;
import cn.dongcheng.platform.common.security.TokenClaims;
import cn.dongcheng.platform.common.security.VerifiedTokenCache;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;


/**
 * The gateway checks every bearer token like the services do (signature, issuer, audience, expiry) and refuses a bad
 * one before any service is called; it adds no identity of its own — the token travels on unchanged and each service
 * decides from its own access matrix. The gateway's own endpoints (actuator, OpenAPI UI) follow the gateway's matrix.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformProperties.class)
public class GatewaySecurityConfiguration {

    /** Path prefixes the gateway routes to a service: the service decides, the gateway only verifies the token. */
    static final String[] ROUTED = {"/api/population/**", "/api/industry/**", "/api/credit/**", "/api/supervision/**"};

    /** Verified tokens remembered until they expire, as in the services ({@code platform.security.token-cache-size}). */
    @Bean
    static BeanPostProcessor verifiedTokenCache(Environment env) {
        return VerifiedTokenCache.postProcessor(env);
    }

    /**
     * No observation (trace span and timers) around every security filter, authentication and authorisation of every
     * request: a JFR profile of audited look-ups put Micrometer's per-filter observations at 13 % of the service's CPU
     * samples. The request itself stays observed (http.server.requests); refusals are in the audit trail.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The gateway's own endpoints' rules (security/gateway-access-matrix.txt). */
    @Bean
    AccessMatrix accessMatrix() {
        return AccessMatrix.load(AccessMatrix.location("gateway"));
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, PlatformProperties properties, SecurityProblems problems,
                                           AccessMatrix matrix) {
        JwtCallers callers = new JwtCallers(new TokenClaims(properties.security().rolesClaim(), properties.security().subjectClaim()));
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(a -> a
                        .pathMatchers(ROUTED).permitAll()
                        .anyExchange().access(new GatewayMatrixAuthorization(matrix)))
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(callers)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }
}
