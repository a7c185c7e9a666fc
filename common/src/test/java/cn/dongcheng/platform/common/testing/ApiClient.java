package cn.dongcheng.platform.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Real HTTP calls to a service under test, as the gateway would make them: optionally with a caller role
 * ({@code X-Caller-Role}) and a request id.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path, null, null).GET());
    }

    public HttpResponse<String> get(String path, String role) {
        return send(request(path, role, null).GET());
    }

    public HttpResponse<String> get(String path, String role, String requestId) {
        return send(request(path, role, requestId).GET());
    }

    public HttpResponse<String> postNdjson(String path, String ndjson, String role) {
        return send(request(path, role, null).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)));
    }

    public HttpResponse<String> postJson(String path, String json, String role) {
        return send(request(path, role, null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    private HttpRequest.Builder request(String path, String role, String requestId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (role != null) {
            b.header("X-Caller", "tester").header("X-Caller-Role", role);
        }
        if (requestId != null) {
            b.header("X-Request-Id", requestId);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
