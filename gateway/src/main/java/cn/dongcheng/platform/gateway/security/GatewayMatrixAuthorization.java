package cn.dongcheng.platform.gateway.security;

import cn.dongcheng.platform.common.security.Access;
import cn.dongcheng.platform.common.security.AccessMatrix;
import cn.dongcheng.platform.common.security.CallerRole;
import cn.dongcheng.platform.common.security.JwtCallers;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

import java.util.Set;

/** The gateway's own endpoints, decided by the gateway's access matrix like a service's by its own. */
final class GatewayMatrixAuthorization implements ReactiveAuthorizationManager<AuthorizationContext> {

    private final AccessMatrix matrix;

    GatewayMatrixAuthorization(AccessMatrix matrix) {
        this.matrix = matrix;
    }

    @Override
    @SuppressWarnings("deprecation")
    public Mono<AuthorizationDecision> check(Mono<Authentication> authentication, AuthorizationContext context) {
        var request = context.getExchange().getRequest();
        String path = request.getPath().pathWithinApplication().value();
        return authentication.map(JwtCallers::roles)
                .defaultIfEmpty(Set.of(CallerRole.PUBLIC))
                .map(roles -> new AuthorizationDecision(matrix.decide(request.getMethod().name(), path, roles) != Access.DENY));
    }
}
