package cn.dongcheng.platform.gateway.audit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What anchoring needs: a WebClient that reaches the services through the load balancer ({@code http://<service>/…}),
 * the gateway's client-credentials tokens, and the schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({AnchorProperties.class, OAuth2ClientProperties.class})
class GatewayAuditConfiguration {

    @Bean
    WebClient auditServicesClient(WebClient.Builder builder, LoadBalancedExchangeFilterFunction loadBalancer) {
        return builder.clone().filter(loadBalancer).build();
    }

    /**
     * The registration {@code platform} from the standard {@code spring.security.oauth2.client.*} properties (Boot's
     * own mapper needs spring-security-config, which would also switch on Spring Security's default filter chain).
     */
    @Bean
    @ConditionalOnMissingBean
    ReactiveClientRegistrationRepository clientRegistrations(OAuth2ClientProperties properties) {
        String id = ClientCredentialsTokens.REGISTRATION;
        OAuth2ClientProperties.Registration registration = properties.getRegistration().get(id);
        OAuth2ClientProperties.Provider provider = properties.getProvider().get(id);
        if (registration == null || provider == null || provider.getTokenUri() == null) {
            throw new IllegalStateException("spring.security.oauth2.client.registration." + id + " and provider." + id
                    + ".token-uri must be configured: the gateway needs its own token to anchor the services' audit chains");
        }
        return new InMemoryReactiveClientRegistrationRepository(ClientRegistration.withRegistrationId(id)
                .clientId(registration.getClientId())
                .clientSecret(registration.getClientSecret())
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(registration.getScope())
                .tokenUri(provider.getTokenUri())
                .build());
    }

    @Bean
    ServiceTokens serviceTokens(ReactiveClientRegistrationRepository registrations) {
        return new ClientCredentialsTokens(new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(registrations,
                new InMemoryReactiveOAuth2AuthorizedClientService(registrations)));
    }
}
