package cn.dongcheng.platform.testing;

import cn.dongcheng.platform.identity.login.DemoUser;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Tokens the platform must refuse, for security tests: claims of the caller's choosing signed with the test issuer's
 * real key (expired, another issuer, another audience — only the claims are wrong) or with a key the issuer never
 * published (the signature is wrong).
 */
public final class JwtForgery {

    private static RSAKey otherKey;

    private JwtForgery() {
    }

    /** The claims a genuine token for the demo user of {@code role} carries, valid for five minutes from now. */
    public static JWTClaimsSet.Builder claims(String role) {
        String name = role.toUpperCase(Locale.ROOT);
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(TestIdentityProvider.issuer().toString())
                .audience(List.of(TestIdentityProvider.AUDIENCE))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of(name));
        if (name.equals("SERVICE")) {
            return claims.subject(TestIdentityProvider.SERVICE_CLIENT);
        }
        DemoUser user = TestIdentityProvider.demoUser(name);
        claims.subject(user.username());
        return user.subjectId() == null ? claims : claims.claim("subject_id", user.subjectId());
    }

    /** Signed with the issuer's own key: passes the signature check, so only the claims can make it fail. */
    public static String signedByIssuer(JWTClaimsSet claims) {
        return sign(issuerKey(), claims);
    }

    /** Signed with a key the issuer never published, under the issuer key's {@code kid}: only the signature is wrong. */
    public static String signedByAnotherKey(JWTClaimsSet claims) {
        RSAKey published = issuerKey();
        return sign(new RSAKey.Builder(otherKey()).keyID(published.getKeyID()).build(), claims);
    }

    /** A token for {@code role} that expired a minute ago (issued ten minutes ago). */
    public static String expired(String role) {
        Instant now = Instant.now();
        return signedByIssuer(claims(role).issueTime(Date.from(now.minus(Duration.ofMinutes(10))))
                .notBeforeTime(Date.from(now.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(now.minus(Duration.ofMinutes(1)))).build());
    }

    /** A token for {@code role} naming another issuer. */
    public static String fromAnotherIssuer(String role) {
        return signedByIssuer(claims(role).issuer("http://127.0.0.1:1/not-the-issuer").build());
    }

    /** A token for {@code role} meant for another audience. */
    public static String forAnotherAudience(String role) {
        return signedByIssuer(claims(role).audience(List.of("another-platform")).build());
    }

    /** A token for {@code role} with genuine claims, signed by another key. */
    public static String signedByAnotherKey(String role) {
        return signedByAnotherKey(claims(role).build());
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    private static RSAKey issuerKey() {
        try {
            return RSAKey.parse(Files.readString(TestIdentityProvider.keyFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("the test issuer's key file is not a JWK", e);
        }
    }

    private static synchronized RSAKey otherKey() {
        if (otherKey == null) {
            try {
                otherKey = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
        return otherKey;
    }
}
