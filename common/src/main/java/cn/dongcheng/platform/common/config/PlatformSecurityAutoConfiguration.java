package cn.dongcheng.platform.common.config;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.security.AccessMatrix;
import cn.dongcheng.platform.common.security.BearerTokens;
import cn.dongcheng.platform.common.security.JwtCallers;
import cn.dongcheng.platform.common.security.servlet.CallerContextResolver;
import cn.dongcheng.platform.common.security.servlet.MatrixAuthorization;
import cn.dongcheng.platform.common.security.servlet.SecurityProblems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Every domain service is an OAuth2 resource server: each request's bearer token is checked (signature against the
 * issuer's JWK set, issuer, audience, expiry — {@code spring.security.oauth2.resourceserver.jwt.*}), the caller comes
 * only from the verified token, and the service's access matrix decides what the caller may do. No session, no
 * cookies, no form login: a stateless API.
 */
@AutoConfiguration(after = PlatformTokenAutoConfiguration.class, before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class, OAuth2ClientAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({HttpSecurity.class, JwtAuthenticationToken.class})
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformSecurityAutoConfiguration {

    @Bean
    AccessMatrix accessMatrix(Environment env) {
        return AccessMatrix.forService(env.getRequiredProperty("spring.application.name"));
    }

    @Bean
    SecurityProblems securityProblems(ObjectMapper mapper, ObjectProvider<AuditTrail> audit, JwtCallers callers) {
        return new SecurityProblems(mapper, audit, callers);
    }

    @Bean
    SecurityFilterChain platformSecurity(HttpSecurity http, AccessMatrix matrix, JwtCallers callers,
                                         SecurityProblems problems) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        // Spring's own error dispatch renders a refusal already decided, it is no new request
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().access(new MatrixAuthorization(matrix)))
                .oauth2ResourceServer(o -> o
                        .bearerTokenResolver(request -> BearerTokens.fromAuthorizationHeader(request.getHeader(HttpHeaders.AUTHORIZATION)))
                        .jwt(j -> j.jwtAuthenticationConverter(callers))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    WebMvcConfigurer callerContextArguments(JwtCallers callers) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerContextResolver(callers));
            }
        };
    }
}
