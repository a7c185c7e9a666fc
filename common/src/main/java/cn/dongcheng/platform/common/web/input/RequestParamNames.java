package cn.dongcheng.platform.common.web.input;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;

/**
 * The query-parameter name a handler's {@code @RequestParam} reads, as Spring MVC binds it: the annotation's name, else
 * the Java parameter's. One rule for the input check ({@link RequestInputInterceptor}) and the OpenAPI document.
 */
public final class RequestParamNames {

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private RequestParamNames() {
    }

    /** The name a {@code @RequestParam} parameter is bound to (a map's: the name the OpenAPI document gives it). */
    public static String of(MethodParameter parameter) {
        String declared = declaredName(parameter);
        if (!declared.isEmpty()) {
            return declared;
        }
        // a copy: the handler's own parameters are shared with Spring MVC, which discovers names its own way
        MethodParameter copy = parameter.clone();
        copy.initParameterNameDiscovery(NAMES);
        return copy.getParameterName();
    }

    /** The name written in the annotation, "" when none (or no {@code @RequestParam}). */
    public static String declaredName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        return param == null ? "" : !param.name().isEmpty() ? param.name() : param.value();
    }

    /** A {@code @RequestParam Map}: takes every query parameter. */
    public static boolean isMap(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(RequestParam.class) && Map.class.isAssignableFrom(parameter.getParameterType());
    }
}
