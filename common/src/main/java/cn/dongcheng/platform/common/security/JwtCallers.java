package cn.dongcheng.platform.common.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a verified JWT into the platform's caller: authorities {@code ROLE_<role>} from the configured roles claim,
 * the name from {@code sub}. Used by every service and by the gateway, so all of them read a token the same way.
 */
public final class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final String PREFIX = "ROLE_";
    private final TokenClaims claims;

    public JwtCallers(TokenClaims claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = claims.roles(jwt.getClaims()).stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(PREFIX + role.name())).toList();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    /** The caller's roles: {@code {PUBLIC}} without a verified token, or with a token that carries no platform role. */
    public static Set<CallerRole> roles(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return Set.of(CallerRole.PUBLIC);
        }
        Set<CallerRole> roles = EnumSet.noneOf(CallerRole.class);
        for (GrantedAuthority authority : token.getAuthorities()) {
            String name = authority.getAuthority();
            if (name.startsWith(PREFIX)) {
                roles.add(CallerRole.valueOf(name.substring(PREFIX.length())));
            }
        }
        return roles.isEmpty() ? Set.of(CallerRole.PUBLIC) : roles;
    }

    /** Why a token was refused, as a problem's detail says it (the check that failed, never the token). */
    public static String rejection(OAuth2AuthenticationException e) {
        String description = e.getError().getDescription();
        return "the bearer token was rejected: " + (description == null ? e.getError().getErrorCode() : description);
    }

    /** The caller as controllers see it, with the matrix cell decided for this request. */
    public CallerContext caller(Authentication authentication, Access access) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return new CallerContext("anonymous", Set.of(CallerRole.PUBLIC), null, access);
        }
        return new CallerContext(token.getName(), roles(token), claims.subject(token.getTokenAttributes()), access);
    }
}
