package cn.dongcheng.platform.identity.key;

import cn.dongcheng.platform.identity.IdentityProperties;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Signs tokens with the key from {@code identity.key-file}; its public half is served at {@code /oauth2/jwks}. */
@Configuration
public class KeyConfiguration {

    @Bean
    JWKSource<SecurityContext> jwkSource(IdentityProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(new SigningKeyFile(properties.keyFile()).loadOrCreate()));
    }
}
