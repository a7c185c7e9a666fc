package cn.dongcheng.platform.identity.login;

import java.time.Duration;
import java.time.Instant;

/**
 * An access token (访问令牌) as the token endpoint issued it, with the instant it stops being accepted.
 *
 * @param value     the compact JWT
 * @param expiresAt issue time plus {@code expires_in}, measured on this machine's clock
 */
public record AccessToken(String value, Instant expiresAt) {

    /** True while the token stays valid for at least {@code margin} more. */
    public boolean validFor(Duration margin) {
        return Instant.now().plus(margin).isBefore(expiresAt);
    }
}
