package cn.dongcheng.platform.common.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BearerTokensTest {

    @Test
    void readsTheTokenOfTheBearerSchemeInAnyCase() {
        assertThat(BearerTokens.fromAuthorizationHeader("Bearer eyJh.eyJz-_~+/.sig==")).isEqualTo("eyJh.eyJz-_~+/.sig==");
        assertThat(BearerTokens.fromAuthorizationHeader("bearer abc")).isEqualTo("abc");
        assertThat(BearerTokens.fromAuthorizationHeader("BEARER abc")).isEqualTo("abc");
    }

    @Test
    void noHeaderOrAnotherSchemeIsAnonymous() {
        assertThat(BearerTokens.fromAuthorizationHeader(null)).isNull();
        assertThat(BearerTokens.fromAuthorizationHeader("Basic dXNlcjpwYXNz")).isNull();
        assertThat(BearerTokens.fromAuthorizationHeader("")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer  abc", "Bearer a b", "Bearer abc\n", "Bearer ===", "Bearer ab=c",
            "Bearer ab%2F", "Bearer 令牌", "Bearerabc"})
    void aBrokenBearerHeaderIsRefusedNotAnonymous(String header) {
        assertThatThrownBy(() -> BearerTokens.fromAuthorizationHeader(header)).isInstanceOf(InvalidBearerTokenException.class);
    }
}
