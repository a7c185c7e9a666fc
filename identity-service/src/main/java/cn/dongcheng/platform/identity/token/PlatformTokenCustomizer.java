package cn.dongcheng.platform.identity.token;

import cn.dongcheng.platform.identity.IdentityProperties;
import cn.dongcheng.platform.identity.client.ClientRegistrations;
import cn.dongcheng.platform.identity.user.AccountDirectory;
import cn.dongcheng.platform.identity.user.UserAccount;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Adds the platform's claims to access tokens (not to ID tokens, whose audience must stay the client):
 * {@code aud} = the platform audience, {@code roles}, and for citizens and enterprises {@code subject_id}.
 */
@Component
public class PlatformTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    public static final String ROLES = "roles";
    public static final String SUBJECT_ID = "subject_id";

    private final AccountDirectory accounts;
    private final String audience;

    public PlatformTokenCustomizer(AccountDirectory accounts, IdentityProperties properties) {
        this.accounts = accounts;
        this.audience = properties.audience();
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        JwtClaimsSet.Builder claims = context.getClaims();
        claims.audience(List.of(audience));
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            claims.claim(ROLES, ClientRegistrations.roles(context.getRegisteredClient()));
            return;
        }
        String username = context.getPrincipal().getName();
        UserAccount account = accounts.find(username)
                .orElseThrow(() -> new IllegalStateException("token for " + username + ", who is not a configured user"));
        claims.claim(ROLES, account.roles());
        if (account.subjectId() != null && !account.subjectId().isBlank()) {
            claims.claim(SUBJECT_ID, account.subjectId());
        }
    }
}
