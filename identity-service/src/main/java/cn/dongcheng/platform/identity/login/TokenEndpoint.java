package cn.dongcheng.platform.identity.login;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The issuer's token endpoint ({@code /oauth2/token}) seen from a JDK-only client: form posts in, the two fields a
 * caller needs out. JSON is read with two patterns on purpose: this package must run from the plain jar with nothing
 * but the JDK on the class path (./platform token, the test harness, the demo data loader).
 */
public final class TokenEndpoint {

    /** Path of the token endpoint under the issuer, as the discovery document announces it. */
    public static final String PATH = "/oauth2/token";

    private TokenEndpoint() {
    }

    /** POSTs a form to the issuer's token endpoint; {@code basicAuth} is "id:secret" or null for public clients. */
    static AccessToken post(HttpClient http, URI issuer, Map<String, String> form, String basicAuth)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint(issuer, PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (basicAuth != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        Instant asked = Instant.now();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("token endpoint " + response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        String token = field(response.body(), "access_token")
                .orElseThrow(() -> new IOException("no access_token in " + response.body()));
        long expiresIn = field(response.body(), "expires_in").map(Long::parseLong).orElse(0L);
        return new AccessToken(token, asked.plusSeconds(expiresIn));
    }

    /** A top-level string or number field of a flat JSON object (token responses hold nothing that needs escaping). */
    static Optional<String> field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(?:\"([^\"]*)\"|(-?\\d+))").matcher(json);
        return m.find() ? Optional.of(m.group(1) != null ? m.group(1) : m.group(2)) : Optional.empty();
    }

    static URI endpoint(URI issuer, String path) {
        String base = issuer.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static AccessToken unchecked(CachedToken.TokenSource source) {
        try {
            return source.fetch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a token", e);
        }
    }
}
