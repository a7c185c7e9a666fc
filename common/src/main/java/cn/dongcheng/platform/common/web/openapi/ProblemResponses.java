package cn.dongcheng.platform.common.web.openapi;

import cn.dongcheng.platform.common.problem.ProblemJson;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.List;
import java.util.Set;

/**
 * Adds to every operation the RFC 9457 problems the platform may answer instead of it (the advice, the security
 * filter, the container's error valve), so a generated client has a type for its errors, not just for its successes.
 */
public class ProblemResponses implements OpenApiCustomizer {

    public static final String SCHEMA = "Problem";
    private static final String REF = "#/components/schemas/" + SCHEMA;
    /** Bulk endpoints read the body as a stream, so springdoc documents no request body for them: go by the method too. */
    private static final Set<HttpMethod> BODY_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @Override
    public void customise(OpenAPI openApi) {
        openApi.schema(SCHEMA, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().forEach(path -> path.readOperationsMap().forEach((method, op) -> addTo(method, op)));
    }

    private static void addTo(HttpMethod method, Operation op) {
        if (op.getResponses() == null) {
            op.setResponses(new ApiResponses());
        }
        add(op, "400", "Invalid input: errors[] names each rejected field, or a malformed request");
        add(op, "401", "No valid bearer token");
        add(op, "403", "The caller's role may not call this operation (the refusal is audited)");
        if (hasPathVariables(op)) {
            add(op, "404", "No such resource");
        }
        if (op.getRequestBody() != null || BODY_METHODS.contains(method)) {
            add(op, "413", "The request body exceeds the configured limit; storedLines says how many lines of a bulk upload were kept");
        }
        add(op, "429", "Too many requests: retry after the Retry-After header");
        add(op, "503", "A dependency (named in dependency) is unavailable: retry after the Retry-After header");
    }

    private static boolean hasPathVariables(Operation op) {
        return op.getParameters() != null && op.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()));
    }

    /** An operation's own description of a status (from {@code @ApiResponse}) wins; its body is still a problem. */
    private static void add(Operation op, String status, String description) {
        ApiResponse response = op.getResponses().computeIfAbsent(status, s -> new ApiResponse().description(description));
        if (response.getContent() == null) {
            response.setContent(new Content());
        }
        response.getContent().putIfAbsent(ProblemJson.MEDIA_TYPE, new MediaType().schema(new Schema<>().$ref(REF)));
    }

    /** Exactly the members ProblemDetailsAdvice, SecurityProblems and ProblemJson write. */
    static Schema<?> problemSchema() {
        Schema<?> fieldProblem = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the query parameter, path variable or body member"))
                .addProperty("reason", new StringSchema().description("why it was rejected"));
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri").example("https://data.dongcheng.gov.cn/problems/validation"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference").description("the request's path"))
                .addProperty("requestId", new StringSchema().description("the X-Request-Id the service logged the request under"))
                .addProperty("errors", new ArraySchema().items(fieldProblem).description("400 validation problems only"))
                .addProperty("storedLines", new IntegerSchema().format("int64")
                        .description("413 of a chunked bulk upload only: lines stored before the limit was hit"))
                .addProperty("dependency", new StringSchema().description("503 only: the unavailable component, e.g. elasticsearch"))
                .required(List.of("type", "title", "status"));
    }
}
