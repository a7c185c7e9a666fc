package cn.dongcheng.platform.common.web.input;

import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the shape of a request before the endpoint (and Elasticsearch) sees it:
 * <ul>
 * <li>every path variable is at most {@code maxPathVariableLength} characters — a 1,400-character id, encoded into
 * Elasticsearch's request line, passed its 4 kB limit and came back as a 500;</li>
 * <li>every query parameter is one the endpoint takes: its {@code @RequestParam}s plus {@link QueryParameters} — a
 * misspelt filter used to be ignored, answering the whole directory as if it had matched.</li>
 * </ul>
 * Only the platform's own endpoints are checked (not the OpenAPI and Swagger UI ones).
 */
public class RequestInputInterceptor implements HandlerInterceptor {

    private static final String OWN_PACKAGE = "cn.dongcheng.platform.";

    private final int maxPathVariableLength;
    private final Map<HandlerMethod, Set<String>> accepted = new ConcurrentHashMap<>();

    public RequestInputInterceptor(int maxPathVariableLength) {
        this.maxPathVariableLength = maxPathVariableLength;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getName().startsWith(OWN_PACKAGE)) {
            return true;
        }
        List<FieldProblem> problems = new ArrayList<>();
        pathVariables(request).forEach((name, value) -> {
            if (value.length() > maxPathVariableLength) {
                problems.add(new FieldProblem(name, "must be at most " + maxPathVariableLength + " characters, got " + value.length()));
            }
        });
        Set<String> known = accepted.computeIfAbsent(method, RequestInputInterceptor::acceptedBy);
        if (!known.contains("*")) {
            Set<String> unknown = new TreeSet<>(request.getParameterMap().keySet());
            unknown.removeAll(known);
            unknown.forEach(name -> problems.add(new FieldProblem(name, "is not a parameter of this endpoint; it takes "
                    + (known.isEmpty() ? "none" : new TreeSet<>(known)))));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathVariables(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? (Map<String, String>) map : Collections.emptyMap();
    }

    /** Named request parameters and declared ones; "*" when a map takes parameters nobody declared (not checked). */
    static Set<String> acceptedBy(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        boolean undeclaredMap = false;
        for (MethodParameter parameter : method.getMethodParameters()) {
            if (!parameter.hasParameterAnnotation(RequestParam.class)) {
                continue;
            }
            if (RequestParamNames.isMap(parameter) && RequestParamNames.declaredName(parameter).isEmpty()) {
                undeclaredMap = true;
            } else {
                names.add(RequestParamNames.of(parameter));
            }
        }
        QueryParameters declared = method.getMethodAnnotation(QueryParameters.class);
        if (declared != null) {
            names.addAll(List.of(declared.value()));
        } else if (undeclaredMap) {
            names.add("*");
        }
        return Set.copyOf(names);
    }
}
