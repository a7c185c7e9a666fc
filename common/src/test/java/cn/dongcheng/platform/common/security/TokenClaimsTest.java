package cn.dongcheng.platform.common.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TokenClaimsTest {

    @Test
    void rolesAndSubjectComeFromTheConfiguredClaimsAndUnknownRolesAreIgnored() {
        TokenClaims platform = new TokenClaims("roles", "subject_id");
        Map<String, Object> claims = Map.of("roles", List.of("CITIZEN", "offline_access"), "subject_id", "11010519491231002X");
        assertThat(platform.roles(claims)).containsExactly(CallerRole.CITIZEN);
        assertThat(platform.subject(claims)).isEqualTo("11010519491231002X");
    }

    @Test
    void aDottedClaimWalksIntoNestedClaimsAsKeycloakWritesThem() {
        TokenClaims keycloak = new TokenClaims("realm_access.roles", "subject_id");
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("statistician", "default-roles-dongcheng")));
        assertThat(keycloak.roles(claims)).containsExactly(CallerRole.STATISTICIAN);
        assertThat(keycloak.subject(claims)).isNull();
    }

    @Test
    void noTokenCanClaimThePublicRoleOrARoleByASingleString() {
        TokenClaims platform = new TokenClaims(null, null);
        assertThat(platform.roles(Map.of("roles", List.of("PUBLIC")))).isEmpty();
        assertThat(platform.roles(Map.of("roles", "AUDITOR"))).containsExactly(CallerRole.AUDITOR);
    }
}
