package cn.dongcheng.platform.identity;

import cn.dongcheng.platform.identity.login.AccessToken;
import cn.dongcheng.platform.identity.login.ClientCredentials;
import cn.dongcheng.platform.identity.login.DemoUser;
import cn.dongcheng.platform.identity.login.DemoUsers;
import cn.dongcheng.platform.identity.login.LoginRejectedException;
import cn.dongcheng.platform.identity.login.PkceLogin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The issuer over real HTTP, with the local profile's demo users and the configured clients. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("local")
class IdentityServiceIT {

    private static final int PORT = TestIssuer.freePort();
    private static final URI ISSUER = URI.create("http://127.0.0.1:" + PORT);

    @TempDir
    static Path keyDir;

    private final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("spring.security.oauth2.authorizationserver.issuer", ISSUER::toString);
        registry.add("identity.key-file", () -> keyDir.resolve("signing-key.json").toString());
        TestIssuer.secretProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @Test
    void servesTheDiscoveryDocumentAndThePublicKeys() throws Exception {
        HttpResponse<String> discovery = TestIssuer.get(ISSUER.resolve("/.well-known/openid-configuration"));
        assertThat(discovery.statusCode()).isEqualTo(200);
        JsonNode d = json.readTree(discovery.body());
        assertThat(d.path("issuer").asText()).isEqualTo(ISSUER.toString());
        assertThat(d.path("token_endpoint").asText()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(d.path("jwks_uri").asText()).isEqualTo(ISSUER + "/oauth2/jwks");

        JsonNode keys = json.readTree(TestIssuer.get(URI.create(d.path("jwks_uri").asText())).body()).path("keys");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).path("kty").asText()).isEqualTo("RSA");
        assertThat(keys.get(0).path("kid").asText()).isNotBlank();
        assertThat(keys.get(0).has("d")).as("private exponent published").isFalse();
    }

    @Test
    void aServiceGetsAClientCredentialsTokenWithTheServiceRole() throws Exception {
        AccessToken token = new ClientCredentials(ISSUER, "population-service", TestIssuer.secret("population-service")).fetch();

        Jwt jwt = verified(token);
        assertThat(jwt.getSubject()).isEqualTo("population-service");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("SERVICE");
        assertThat(jwt.getAudience()).contains("dongcheng-platform");
        assertThat(jwt.getIssuer().toString()).isEqualTo(ISSUER.toString());
        assertThat(jwt.hasClaim("subject_id")).isFalse();
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theCitizenLogsInWithPkceAndGetsASignedTokenForTheirOwnIdNumber() throws Exception {
        DemoUser citizen = DemoUsers.load().forRole("CITIZEN");

        Jwt jwt = verified(new PkceLogin(ISSUER).login(citizen.username(), citizen.password()));

        assertThat(jwt.getSubject()).isEqualTo(citizen.username());
        assertThat(jwt.getClaimAsString("subject_id")).isEqualTo(citizen.subjectId());
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CITIZEN");
        assertThat(jwt.getAudience()).contains("dongcheng-platform");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void staffTokensCarryNoSubjectId() throws Exception {
        DemoUser regulator = DemoUsers.load().forRole("regulator");

        Jwt jwt = verified(new PkceLogin(ISSUER).login(regulator.username(), regulator.password()));

        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("REGULATOR");
        assertThat(jwt.hasClaim("subject_id")).isFalse();
    }

    @Test
    void eachDemoInspectorLogsInUnderTheirBadge() throws Exception {
        DemoUser inspector = DemoUsers.load().inspector("DC-0300");

        Jwt jwt = verified(new PkceLogin(ISSUER).login(inspector.username(), inspector.password()));

        assertThat(jwt.getSubject()).as("market-supervision-service reads the badge from the subject").isEqualTo("DC-0300");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("INSPECTOR");
        assertThatThrownBy(() -> DemoUsers.load().inspector("DC-0301")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PkceLogin(ISSUER).login("DC-0301", inspector.password())).isInstanceOf(LoginRejectedException.class);
    }

    @Test
    void aWrongPasswordGetsNoCode() {
        DemoUser citizen = DemoUsers.load().forRole("CITIZEN");

        assertThatThrownBy(() -> new PkceLogin(ISSUER).login(citizen.username(), citizen.password() + "-wrong"))
                .isInstanceOf(LoginRejectedException.class);
    }

    @Test
    void theCliClientCannotSkipPkce() throws Exception {
        // a public client without a code challenge is sent back with an error, before any login form
        HttpResponse<String> response = TestIssuer.get(URI.create(ISSUER + "/oauth2/authorize?response_type=code"
                + "&client_id=platform-cli&redirect_uri=http://127.0.0.1/cli-callback&scope=openid"));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith("http://127.0.0.1/cli-callback?error=invalid_request").contains("code_challenge"));
    }

    /** Decodes with the keys the issuer publishes: fails unless signed by them, unexpired, and from this issuer. */
    private static Jwt verified(AccessToken token) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(ISSUER + "/oauth2/jwks").build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER.toString()));
        Jwt jwt = decoder.decode(token.value());
        assertThat(jwt.getClaimAsStringList("aud")).isEqualTo(List.copyOf(jwt.getAudience()));
        return jwt;
    }
}
