package cn.dongcheng.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Real HTTP calls to a service under test, as the gateway forwards them: with a caller role's real access token
 * from {@link TestIdentityProvider} ({@code Authorization: Bearer …}; null or PUBLIC sends none), or with a raw token
 * and extra headers of the test's choosing (forged tokens, spoofed caller headers), and optionally a request id.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path, null, null, Map.of()).GET());
    }

    public HttpResponse<String> get(String path, String role) {
        return send(request(path, bearer(role), null, Map.of()).GET());
    }

    public HttpResponse<String> get(String path, String role, String requestId) {
        return send(request(path, bearer(role), requestId, Map.of()).GET());
    }

    public HttpResponse<String> postNdjson(String path, String ndjson, String role) {
        return postNdjsonWithToken(path, ndjson, bearer(role));
    }

    public HttpResponse<String> postNdjson(String path, String ndjson, String role, String requestId) {
        return send(request(path, bearer(role), requestId, Map.of()).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)));
    }

    public HttpResponse<String> postJson(String path, String json, String role) {
        return postJsonWithToken(path, json, bearer(role), Map.of());
    }

    /** GET with a raw bearer token (null: none), e.g. one from {@link JwtForgery}. */
    public HttpResponse<String> getWithToken(String path, String bearerToken) {
        return getWithToken(path, bearerToken, Map.of());
    }

    /** GET with a raw bearer token (null: none) and extra headers, e.g. a spoofed {@code X-Caller-Role}. */
    public HttpResponse<String> getWithToken(String path, String bearerToken, Map<String, String> headers) {
        return send(request(path, bearerToken, null, headers).GET());
    }

    public HttpResponse<String> postNdjsonWithToken(String path, String ndjson, String bearerToken) {
        return send(request(path, bearerToken, null, Map.of()).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)));
    }

    public HttpResponse<String> postJsonWithToken(String path, String json, String bearerToken, Map<String, String> headers) {
        return send(request(path, bearerToken, null, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The access token a caller in {@code role} presents; null for no role or PUBLIC (anonymous). */
    public static String bearer(String role) {
        return role == null || role.equalsIgnoreCase("PUBLIC") ? null : TestIdentityProvider.token(role);
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

    private HttpRequest.Builder request(String path, String bearerToken, String requestId, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (bearerToken != null) {
            b.header("Authorization", "Bearer " + bearerToken);
        }
        if (requestId != null) {
            b.header("X-Request-Id", requestId);
        }
        headers.forEach(b::header);
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
