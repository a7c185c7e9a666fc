package cn.dongcheng.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** An error answer is an RFC 9457 problem with the request id, whoever produced it (Spring, Tomcat, a filter). */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** Asserts the status and the problem's shape; returns the body for further checks. */
    public static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri() + " → " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as(response.uri() + " → " + response.body()).startsWith("application/problem+json");
        JsonNode body = ApiClient.json(response);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("requestId").asText()).as(response.body()).isNotBlank()
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElse(body.path("requestId").asText()));
        return body;
    }

    /** A 400 whose errors name {@code field}. */
    public static JsonNode assertInvalid(HttpResponse<String> response, String field) {
        JsonNode body = assertProblem(response, 400);
        assertThat(body.path("errors").findValuesAsText("field")).as(response.body()).contains(field);
        return body;
    }
}
