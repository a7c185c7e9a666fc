package cn.dongcheng.platform.common.problem;

import cn.dongcheng.platform.common.elasticsearch.ElasticsearchStatusException;
import cn.dongcheng.platform.common.security.servlet.SecurityProblems;
import cn.dongcheng.platform.common.web.RequestIds;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.http.ConnectionClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Every error a service answers is an RFC 9457 problem ({@code application/problem+json}) with the request id, and
 * for validation an {@code errors} list of {field, reason}.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final Set<Integer> TRANSIENT = Set.of(429, 502, 503, 504);
    private static final String RETRY_AFTER_SECONDS = "5";
    static final String TYPE_BASE = "https://data.dongcheng.gov.cn/problems/";

    private final ObjectProvider<SecurityProblems> refusals;

    /** @param refusals where a 403 decided by domain code (somebody else's record) is audited like the matrix's own */
    public ProblemDetailsAdvice(ObjectProvider<SecurityProblems> refusals) {
        this.refusals = refusals;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, HttpServletRequest request) {
        return validation(e.problems(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        // a parser's own words (e.g. the accepted date form) say more than the target type
        String reason = e.getMostSpecificCause() instanceof IllegalArgumentException cause && cause.getMessage() != null
                && cause.getMessage().startsWith("must ") ? cause.getMessage()
                : "cannot read " + Echo.quote(e.getValue()) + " as "
                + (e.getRequiredType() == null ? "the expected type" : e.getRequiredType().getSimpleName());
        return validation(List.of(new FieldProblem(e.getName(), reason)), request);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), request);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage(), request);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e, HttpServletRequest request) {
        if (!e.isAudited()) {
            refusals.ifAvailable(r -> r.denied(request, e.getMessage()));
        }
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage(), request);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                "Payload too large", e.getMessage(), request);
        if (e.storedLines() != null) { // a chunked upload stored lines before the limit: the client must know
            response.getBody().setProperty("storedLines", e.storedLines());
        }
        return response;
    }

    /**
     * 503 naming the dependency (not its address or the client's exception, which go to the log) with Retry-After:
     * an operator reads which component failed, a client when to try again.
     */
    @ExceptionHandler(DependencyUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(DependencyUnavailableException e, HttpServletRequest request) {
        log.warn("{}", e.getMessage());
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable",
                "Service unavailable", e.dependency() + " is unavailable; try again shortly", request);
        response.getBody().setProperty("dependency", e.dependency());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(response.getBody());
    }

    /**
     * Elasticsearch's own "not now" (503 while shards recover, 429 when its queues are full, 502/504 from a proxy in
     * front of it, the write block on an index being migrated) is the dependency being unavailable; any other status
     * it answers is our fault: a 500.
     */
    @ExceptionHandler(ElasticsearchStatusException.class)
    ResponseEntity<ProblemDetail> elasticsearchStatus(ElasticsearchStatusException e, HttpServletRequest request) {
        return elasticsearchAnswered(e.status(), e.isWriteBlocked(), e, request);
    }

    /** The typed client's form of the same: Elasticsearch's error answer, by its status and type as above. */
    @ExceptionHandler(ElasticsearchException.class)
    ResponseEntity<ProblemDetail> elasticsearchError(ElasticsearchException e, HttpServletRequest request) {
        boolean writeBlocked = e.status() == 403 && e.error() != null
                && ElasticsearchStatusException.WRITE_BLOCK.equals(e.error().type());
        return elasticsearchAnswered(e.status(), writeBlocked, e, request);
    }

    private ResponseEntity<ProblemDetail> elasticsearchAnswered(int status, boolean writeBlocked, RuntimeException e,
                                                                HttpServletRequest request) {
        if (TRANSIENT.contains(status) || writeBlocked) {
            return unavailable(new DependencyUnavailableException("elasticsearch", "answered " + status, e), request);
        }
        return unexpected(e, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof InvalidInputException invalid) { // a body record's own check, e.g. a note's length
            return ResponseEntity.badRequest().body(validationBody(invalid.problems(), path(request)));
        }
        String field = cause instanceof JsonMappingException jme && !jme.getPath().isEmpty()
                ? jme.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("body")
                : "body";
        String reason = cause instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : cause.getMessage();
        return ResponseEntity.badRequest().body(validationBody(List.of(new FieldProblem(field, reason)), path(request)));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            problem.setProperty("requestId", RequestIds.current());
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /** Elasticsearch down or refusing: name it rather than answering 500. */
    @ExceptionHandler({ConnectException.class, ConnectionClosedException.class})
    ResponseEntity<ProblemDetail> elasticsearchDown(Exception e, HttpServletRequest request) {
        return unavailable(new DependencyUnavailableException("elasticsearch", e.getMessage(), e), request);
    }

    /**
     * Anything no other handler names: a 500 problem with the request id, the exception only in the log (its message
     * may hold internals: index names, addresses, the caller's input).
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the service failed to answer; the request id identifies the failure in its log", request);
    }

    private ResponseEntity<ProblemDetail> validation(List<FieldProblem> problems, HttpServletRequest request) {
        return ResponseEntity.badRequest().body(validationBody(problems, request.getRequestURI()));
    }

    private static ProblemDetail validationBody(List<FieldProblem> problems, String path) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).reason()
                        : problems.size() + " fields are invalid");
        body.setType(URI.create(TYPE_BASE + "validation"));
        body.setTitle("Invalid input");
        body.setInstance(URI.create(path));
        body.setProperty("errors", problems);
        body.setProperty("requestId", RequestIds.current());
        return body;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail,
                                                         HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        body.setInstance(URI.create(request.getRequestURI()));
        body.setProperty("requestId", RequestIds.current());
        return ResponseEntity.status(status).body(body);
    }

    private static String path(WebRequest request) {
        return request.getDescription(false).replaceFirst("^uri=", "");
    }
}
