package cn.dongcheng.platform.common.web.openapi;

import cn.dongcheng.platform.common.web.input.QueryParameters;
import cn.dongcheng.platform.common.web.input.RequestParamNames;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An endpoint reading its filters as {@code @RequestParam Map} shows up in springdoc as one object parameter named
 * after the Java argument ({@code params}, {@code filters}), which no client can send. {@link QueryParameters} lists
 * the names the endpoint accepts: each becomes its own optional query parameter instead.
 */
public class MapQueryParameters implements OperationCustomizer {

    /** The only accepted name whose type is plain from the platform's conventions (?size= is 1–1000). */
    private static final Set<String> INTEGERS = Set.of("size");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        QueryParameters accepted = handler.getMethodAnnotation(QueryParameters.class);
        if (accepted == null) {
            return operation;
        }
        Set<String> mapNames = Arrays.stream(handler.getMethodParameters())
                .filter(RequestParamNames::isMap)
                .map(RequestParamNames::of)
                .collect(Collectors.toSet());
        var parameters = operation.getParameters() == null ? new ArrayList<Parameter>() : new ArrayList<>(operation.getParameters());
        parameters.removeIf(p -> "query".equals(p.getIn()) && mapNames.contains(p.getName()));
        Set<String> present = parameters.stream().filter(p -> "query".equals(p.getIn())).map(Parameter::getName).collect(Collectors.toSet());
        for (String name : accepted.value()) {
            if (!present.contains(name)) {
                parameters.add(new Parameter().in("query").name(name).required(false).schema(schemaOf(name)));
            }
        }
        operation.setParameters(parameters);
        return operation;
    }

    private static Schema<?> schemaOf(String name) {
        return INTEGERS.contains(name) ? new IntegerSchema() : new StringSchema();
    }
}
