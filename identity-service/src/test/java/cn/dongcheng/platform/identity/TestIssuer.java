package cn.dongcheng.platform.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the issuer's tests share: test client secrets, a free port, plain GETs. */
final class TestIssuer {

    static final List<String> CONFIDENTIAL_CLIENTS = List.of("population-service", "industry-service", "credit-service",
            "market-supervision-service", "gateway", "demo-data-loader", "platform-bench");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TestIssuer() {
    }

    static String secret(String clientId) {
        return "test-secret-" + clientId;
    }

    /** The properties application.yml reads the confidential clients' secrets from. */
    static Map<String, String> secretProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        CONFIDENTIAL_CLIENTS.forEach(c -> p.put("IDENTITY_CLIENT_SECRET_" + c.toUpperCase().replace('-', '_'), secret(c)));
        return p;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
