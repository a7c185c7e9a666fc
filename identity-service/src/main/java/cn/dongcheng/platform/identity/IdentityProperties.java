package cn.dongcheng.platform.identity;

import cn.dongcheng.platform.identity.client.ClientDefinition;
import cn.dongcheng.platform.identity.user.InspectorAccounts;
import cn.dongcheng.platform.identity.user.UserAccount;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code identity.*}: what the issuer signs and for whom.
 *
 * @param audience       the {@code aud} of every access token (受众); services accept only tokens naming it
 * @param keyFile        the RSA signing key as a JWK, created on first start
 * @param userTokenTtl   lifetime of tokens issued to users (authorization code)
 * @param clientTokenTtl lifetime of tokens issued to clients (client credentials)
 * @param inspectorAccounts demo inspector accounts named by badge (local profile); null when not configured
 */
@ConfigurationProperties("identity")
public record IdentityProperties(
        @DefaultValue("dongcheng-platform") String audience,
        @DefaultValue(".platform/identity/signing-key.json") Path keyFile,
        @DefaultValue("30m") Duration userTokenTtl,
        @DefaultValue("10m") Duration clientTokenTtl,
        @DefaultValue List<UserAccount> users,
        @DefaultValue List<ClientDefinition> clients,
        InspectorAccounts inspectorAccounts) {
}
