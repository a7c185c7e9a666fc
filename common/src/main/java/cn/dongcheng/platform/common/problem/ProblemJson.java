package cn.dongcheng.platform.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A problem body written where Spring MVC is not (yet) involved — the servlet container's own error answers, the
 * {@code /error} page, the body-limit filter, the gateway's header-read timeout: the same members as
 * {@link ProblemDetailsAdvice}'s, properly escaped, and nothing about the failure's internals.
 */
public final class ProblemJson {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemJson() {
    }

    public static String of(int status, String detail, String instance, String requestId) {
        HttpStatus known = HttpStatus.resolve(status);
        return of(status, typeOf(status), known == null ? "Error" : known.getReasonPhrase(), detail, instance, requestId);
    }

    /** A problem of a given type (the last segment of its URI) and title, for filters that answer before Spring MVC. */
    public static String of(int status, String type, String title, String detail, String instance, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ProblemDetailsAdvice.TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", Echo.bounded(instance, 200));
        body.put("requestId", requestId);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the container or Spring's error page can say about a status, without the exception behind it. */
    public static String detailOf(int status) {
        return switch (status) {
            case 400 -> "the request could not be read: malformed URL, path, encoding or header";
            case 404 -> "no such resource";
            case 405 -> "the method is not allowed here";
            case 413 -> "the request body is too large";
            case 414 -> "the request URL is too long";
            case 431 -> "the request headers are too large";
            default -> status >= 500 ? "the service failed to answer; the request id identifies the failure in its log"
                    : "the request was refused";
        };
    }

    private static String typeOf(int status) {
        return switch (status) {
            case 400 -> "malformed-request";
            case 404 -> "not-found";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            default -> status >= 500 ? "internal-error" : "request-refused";
        };
    }
}
