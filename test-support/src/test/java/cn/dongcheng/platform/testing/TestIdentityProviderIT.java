package cn.dongcheng.platform.testing;

import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.identity.login.ClientCredentials;
import cn.dongcheng.platform.identity.login.DemoUser;
import cn.dongcheng.platform.identity.login.DemoUsers;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness against the real issuer it starts: tokens, service properties and forged tokens. */
class TestIdentityProviderIT {

    @Test
    void everyDemoRoleGetsASignedTokenOfItsDemoUser() throws Exception {
        for (DemoUser user : DemoUsers.load().all()) {
            String role = user.roles().get(0);
            JWTClaimsSet claims = verified(TestIdentityProvider.token(role));
            assertThat(claims.getSubject()).isEqualTo(user.username());
            assertThat(claims.getStringListClaim("roles")).containsExactly(role);
            assertThat(claims.getAudience()).contains(TestIdentityProvider.AUDIENCE);
            assertThat(claims.getIssuer()).isEqualTo(TestIdentityProvider.issuer().toString());
        }
    }

    @Test
    void subjectsOfCitizenAndEnterpriseAreValidIdentifiersInTheirTokens() throws Exception {
        assertThat(ResidentIdNumber.problem(TestIdentityProvider.citizenIdNumber())).isEmpty();
        assertThat(UnifiedSocialCreditCode.problem(TestIdentityProvider.enterpriseCode())).isEmpty();
        assertThat(verified(TestIdentityProvider.token("CITIZEN")).getStringClaim("subject_id"))
                .isEqualTo(TestIdentityProvider.citizenIdNumber());
        assertThat(verified(TestIdentityProvider.token("ENTERPRISE")).getStringClaim("subject_id"))
                .isEqualTo(TestIdentityProvider.enterpriseCode());
    }

    @Test
    void tokensAreReusedWhileFresh() {
        assertThat(TestIdentityProvider.token("REGULATOR")).isEqualTo(TestIdentityProvider.token("REGULATOR"));
    }

    @Test
    void serviceRoleAndClientTokensComeFromClientCredentials() throws Exception {
        JWTClaimsSet service = verified(TestIdentityProvider.token("SERVICE"));
        assertThat(service.getSubject()).isEqualTo(TestIdentityProvider.SERVICE_CLIENT);
        assertThat(service.getStringListClaim("roles")).containsExactly("SERVICE");

        JWTClaimsSet loader = verified(TestIdentityProvider.clientToken("demo-data-loader"));
        assertThat(loader.getStringListClaim("roles")).containsExactly("DATA_STEWARD");
    }

    @Test
    void servicePropertiesPointAtTheIssuerAndHoldAWorkingClient() throws Exception {
        Map<String, String> p = TestIdentityProvider.serviceProperties("credit-service");
        assertThat(p.get("spring.security.oauth2.resourceserver.jwt.issuer-uri")).isEqualTo(TestIdentityProvider.issuer().toString());
        assertThat(p.get("spring.security.oauth2.resourceserver.jwt.audiences")).isEqualTo("dongcheng-platform");
        assertThat(p.get("spring.security.oauth2.client.registration.platform.authorization-grant-type")).isEqualTo("client_credentials");
        assertThat(p.get("platform.audit.pseudonym-key")).satisfies(k -> assertThat(Base64.getDecoder().decode(k)).hasSize(32));
        assertThat(JWKSet.parse(get(p.get("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"))).getKeys()).isNotEmpty();

        String tokenUri = p.get("spring.security.oauth2.client.provider.platform.token-uri");
        assertThat(tokenUri).isEqualTo(TestIdentityProvider.issuer() + "/oauth2/token");
        JWTClaimsSet claims = verified(new ClientCredentials(TestIdentityProvider.issuer(),
                p.get("spring.security.oauth2.client.registration.platform.client-id"),
                p.get("spring.security.oauth2.client.registration.platform.client-secret")).fetch().value());
        assertThat(claims.getSubject()).isEqualTo("credit-service");
    }

    @Test
    void forgeriesSignedWithTheIssuerKeyVerifyButCarryTheWrongClaims() throws Exception {
        assertThat(verified(JwtForgery.expired("AUDITOR")).getExpirationTime()).isBefore(new Date());
        assertThat(verified(JwtForgery.fromAnotherIssuer("AUDITOR")).getIssuer()).isNotEqualTo(TestIdentityProvider.issuer().toString());
        assertThat(verified(JwtForgery.forAnotherAudience("AUDITOR")).getAudience()).doesNotContain(TestIdentityProvider.AUDIENCE);
    }

    @Test
    void aTokenSignedByAnotherKeyDoesNotVerify() throws Exception {
        SignedJWT forged = SignedJWT.parse(JwtForgery.signedByAnotherKey("ADMINISTRATOR"));
        assertThat(forged.verify(new RSASSAVerifier(issuerKey(forged.getHeader().getKeyID())))).isFalse();
    }

    /** The claims, after checking the signature against the issuer's published keys. */
    private static JWTClaimsSet verified(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.verify(new RSASSAVerifier(issuerKey(jwt.getHeader().getKeyID())))).as("signature").isTrue();
        return jwt.getJWTClaimsSet();
    }

    private static RSAKey issuerKey(String kid) throws Exception {
        RSAKey key = (RSAKey) JWKSet.parse(get(TestIdentityProvider.issuer() + "/oauth2/jwks")).getKeyByKeyId(kid);
        assertThat(key).as("published key " + kid).isNotNull();
        return key;
    }

    private static String get(String uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
