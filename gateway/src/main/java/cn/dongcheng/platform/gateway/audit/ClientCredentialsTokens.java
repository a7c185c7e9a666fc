package cn.dongcheng.platform.gateway.audit;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import reactor.core.publisher.Mono;

/**
 * Client-credentials tokens of the registration {@code platform} (client id {@code gateway}); the manager keeps a
 * token until it expires, so anchoring does not ask the identity provider every minute.
 */
public class ClientCredentialsTokens implements ServiceTokens {

    static final String REGISTRATION = "platform";

    private final ReactiveOAuth2AuthorizedClientManager clients;

    public ClientCredentialsTokens(ReactiveOAuth2AuthorizedClientManager clients) {
        this.clients = clients;
    }

    @Override
    public Mono<String> token() {
        return clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal("gateway").build())
                .map(client -> client.getAccessToken().getTokenValue())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no access token for the registration " + REGISTRATION)));
    }
}
