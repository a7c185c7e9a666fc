package cn.dongcheng.platform.identity.client;

import java.util.List;

/**
 * A client of the issuer ({@code identity.clients[]}).
 *
 * <p>With redirect URIs it is a public client (公开客户端: browser app, command line) that may only use the
 * authorization code with PKCE; without, a confidential client (机密客户端: a service, the loader) that authenticates
 * with its secret and may only use client credentials.
 *
 * @param secret plain or Spring-encoded ({@code {bcrypt}…}); required for confidential clients, forbidden for public
 * @param roles  the {@code roles} of the client's own tokens (client credentials)
 */
public record ClientDefinition(String clientId, String secret, List<String> redirectUris, List<String> scopes, List<String> roles) {

    public ClientDefinition {
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public boolean isPublic() {
        return !redirectUris.isEmpty();
    }

    boolean hasSecret() {
        return secret != null && !secret.isBlank();
    }
}
