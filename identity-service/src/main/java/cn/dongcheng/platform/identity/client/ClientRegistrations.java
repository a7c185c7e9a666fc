package cn.dongcheng.platform.identity.client;

import cn.dongcheng.platform.identity.IdentityProperties;
import cn.dongcheng.platform.identity.SecretEncoding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import java.util.List;
import java.util.Locale;

/** Turns {@code identity.clients[]} into Spring Authorization Server registrations. */
@Configuration
public class ClientRegistrations {

    /** Client setting carrying the roles of a confidential client's own tokens. */
    public static final String ROLES_SETTING = "platform.roles";

    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties properties) {
        return new InMemoryRegisteredClientRepository(properties.clients().stream()
                .map(c -> c.isPublic() ? publicClient(c, properties) : confidentialClient(c, properties))
                .toList());
    }

    /** The roles a client's own tokens carry. */
    @SuppressWarnings("unchecked")
    public static List<String> roles(RegisteredClient client) {
        List<String> roles = client.getClientSettings().getSetting(ROLES_SETTING);
        return roles == null ? List.of() : roles;
    }

    private static RegisteredClient publicClient(ClientDefinition c, IdentityProperties properties) {
        if (c.hasSecret()) {
            throw new IllegalStateException("client " + c.clientId() + " has redirect URIs (public, PKCE) and a secret: drop one");
        }
        return RegisteredClient.withId(c.clientId())
                .clientId(c.clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(c.redirectUris()))
                .scopes(scopes -> scopes.addAll(c.scopes()))
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.userTokenTtl()).build())
                .build();
    }

    private static RegisteredClient confidentialClient(ClientDefinition c, IdentityProperties properties) {
        if (!c.hasSecret()) {
            throw new IllegalStateException("client " + c.clientId() + " has no secret: set " + secretVariable(c.clientId()));
        }
        return RegisteredClient.withId(c.clientId())
                .clientId(c.clientId())
                .clientSecret(SecretEncoding.stored(c.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(c.scopes()))
                .clientSettings(ClientSettings.builder().setting(ROLES_SETTING, c.roles()).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.clientTokenTtl()).build())
                .build();
    }

    /** The environment variable application.yml reads a client's secret from. */
    static String secretVariable(String clientId) {
        return "IDENTITY_CLIENT_SECRET_" + clientId.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
