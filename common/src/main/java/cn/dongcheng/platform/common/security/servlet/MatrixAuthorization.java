package cn.dongcheng.platform.common.security.servlet;

import cn.dongcheng.platform.common.security.Access;
import cn.dongcheng.platform.common.security.AccessMatrix;
import cn.dongcheng.platform.common.security.JwtCallers;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.function.Supplier;

/**
 * Decides every request from the service's {@link AccessMatrix}: refused when the cell is deny (Spring Security then
 * answers 401 to a caller without a token and 403 to one with a token), otherwise the cell is kept on the request for
 * the controller's {@code CallerContext} — it says whether personal data is shown in full.
 */
public final class MatrixAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    static final String ACCESS = MatrixAuthorization.class.getName() + ".access";
    static final String ENDPOINT = MatrixAuthorization.class.getName() + ".endpoint";

    private final AccessMatrix matrix;

    public MatrixAuthorization(AccessMatrix matrix) {
        this.matrix = matrix;
    }

    @Override
    @SuppressWarnings("deprecation")
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Access access = matrix.find(request.getMethod(), path).map(row -> {
            request.setAttribute(ENDPOINT, row.endpoint());
            return row.access(JwtCallers.roles(authentication.get()));
        }).orElse(Access.DENY);
        request.setAttribute(ACCESS, access);
        return new AuthorizationDecision(access != Access.DENY);
    }

    /** The cell decided for this request (deny if the request never passed the matrix). */
    public static Access access(HttpServletRequest request) {
        return request.getAttribute(ACCESS) instanceof Access a ? a : Access.DENY;
    }

    /** The matrix row's endpoint ({@code GET /v1/enterprises/{uscc}}) — what the audit names instead of the raw path. */
    public static String endpoint(HttpServletRequest request) {
        return request.getAttribute(ENDPOINT) instanceof String e ? e : request.getMethod() + " (no matrix row)";
    }
}
