package cn.dongcheng.platform.common.config;

import cn.dongcheng.platform.common.security.JwtCallers;
import cn.dongcheng.platform.common.security.TokenClaims;
import cn.dongcheng.platform.common.security.VerifiedTokenCache;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * How every service and the gateway read a bearer token, servlet or reactive alike: roles and subject from the
 * configured claims, verified tokens remembered until they expire, no observation around each security step.
 */
@AutoConfiguration
@ConditionalOnClass(JwtAuthenticationToken.class)
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformTokenAutoConfiguration {

    /** Verified tokens remembered until they expire ({@code platform.security.token-cache-size}, 0 = off). */
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

    @Bean
    JwtCallers jwtCallers(PlatformProperties properties) {
        return new JwtCallers(new TokenClaims(properties.security().rolesClaim(), properties.security().subjectClaim()));
    }
}
