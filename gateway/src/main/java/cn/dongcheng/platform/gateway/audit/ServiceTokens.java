package cn.dongcheng.platform.gateway.audit;

import reactor.core.publisher.Mono;

/**
 * The gateway's own bearer token for calls it makes itself. An interface so tests can run without an identity
 * provider; production uses {@link ClientCredentialsTokens}.
 */
public interface ServiceTokens {
    Mono<String> token();
}
