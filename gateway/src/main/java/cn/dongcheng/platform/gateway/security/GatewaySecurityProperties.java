package cn.dongcheng.platform.gateway.security;

import cn.dongcheng.platform.common.security.CallerRole;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/** {@code platform.gateway.tokens}: bearer token → who the caller is and in which role. */
@ConfigurationProperties("platform.gateway")
public record GatewaySecurityProperties(Map<String, Caller> tokens) {

    public GatewaySecurityProperties {
        tokens = tokens == null ? Map.of() : Map.copyOf(tokens);
    }

    public record Caller(String caller, CallerRole role) {
    }
}
