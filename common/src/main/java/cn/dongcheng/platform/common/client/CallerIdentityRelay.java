package cn.dongcheng.platform.common.client;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Which token an internal call carries: the verified token of the caller being served, else the service's own
 * client-credentials token (registration {@code platform}). Never none: without either the call fails here.
 */
public final class CallerIdentityRelay {

    public static final String REGISTRATION = "platform";

    private final OAuth2AuthorizedClientManager clients;

    public CallerIdentityRelay(OAuth2AuthorizedClientManager clients) {
        this.clients = clients;
    }

    public String bearerToken() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current instanceof JwtAuthenticationToken token) {
            return token.getToken().getTokenValue();
        }
        return serviceToken();
    }

    /** The service's own token, cached by the client manager until shortly before it expires. */
    public String serviceToken() {
        if (clients == null) {
            throw new IllegalStateException("no client registration '" + REGISTRATION + "': an internal call needs an identity");
        }
        OAuth2AuthorizedClient client = clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                .principal("service").build());
        if (client == null) {
            throw new IllegalStateException("the identity provider gave this service no token");
        }
        return client.getAccessToken().getTokenValue();
    }
}
