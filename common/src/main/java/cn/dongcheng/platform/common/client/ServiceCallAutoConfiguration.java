package cn.dongcheng.platform.common.client;

import cn.dongcheng.platform.common.web.RequestIds;
import feign.RequestInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * Feign calls carry the request id and an identity — never none. While serving a request they relay the caller's
 * own bearer token, so the downstream service applies the original caller's rights (a citizen's look-up stays masked
 * downstream because the citizen asked); a public caller's request and work the service does on its own (scheduled
 * jobs, retries) go out with the service's client-credentials token, whose role never unmasks personal data.
 * In common because two services call others (credit → industry; market-supervision → industry and credit); only
 * where Feign is on the class path. The Feign interfaces themselves stay in each caller's {@code client} package.
 */
@AutoConfiguration(after = OAuth2ClientAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // the caller is found in the servlet's security context
@ConditionalOnClass({RequestInterceptor.class, OAuth2AuthorizedClientManager.class})
public class ServiceCallAutoConfiguration {

    /** Client credentials outside any request too (a scheduler thread has no servlet request to hang a client on). */
    @Bean
    OAuth2AuthorizedClientManager serviceClientManager(ClientRegistrationRepository registrations,
                                                       OAuth2AuthorizedClientService clients) {
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
        return manager;
    }

    @Bean
    CallerIdentityRelay callerIdentityRelay(ObjectProvider<OAuth2AuthorizedClientManager> clients) {
        return new CallerIdentityRelay(clients.getIfAvailable());
    }

    @Bean
    RequestInterceptor requestIdAndIdentity(CallerIdentityRelay relay) {
        return template -> {
            String id = RequestIds.current();
            if (id != null) {
                template.header(RequestIds.HEADER, id);
            }
            template.header(HttpHeaders.AUTHORIZATION, "Bearer " + relay.bearerToken());
        };
    }
}
