package cn.dongcheng.platform.common.security.servlet;

import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.common.security.JwtCallers;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller method take a {@link CallerContext}: built from the verified token in the security context and
 * the matrix cell decided for this request — never from a header a client can write.
 */
public class CallerContextResolver implements HandlerMethodArgumentResolver {

    private final JwtCallers callers;

    public CallerContextResolver(JwtCallers callers) {
        this.callers = callers;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CallerContext.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
        return callers.caller(SecurityContextHolder.getContext().getAuthentication(), MatrixAuthorization.access(servletRequest));
    }
}
