package cn.dongcheng.platform.identity.login;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logs a user in through the issuer's real authorization-code flow with PKCE (授权码模式 + PKCE), as a browser would,
 * and returns the access token — so command-line tokens and test tokens come from the same path as a web login:
 *
 * <ol>
 *   <li>GET {@code /oauth2/authorize} (with a code challenge) → redirect to the login form;</li>
 *   <li>GET {@code /login} → the form and its CSRF token; POST {@code /login} with user name and password;</li>
 *   <li>GET {@code /oauth2/authorize} again (the saved request) → redirect to the client's redirect URI with a code;</li>
 *   <li>POST {@code /oauth2/token} with the code and the code verifier.</li>
 * </ol>
 *
 * <p>Nothing listens on the redirect URI: the code is read from the {@code Location} header. Only the JDK is used.
 */
public final class PkceLogin {

    /** The public client of the command line and the test harness. */
    public static final String CLI_CLIENT = "platform-cli";
    /** Its registered loopback redirect URI. */
    public static final URI CLI_REDIRECT = URI.create("http://127.0.0.1/cli-callback");

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI issuer;
    private final String clientId;
    private final URI redirectUri;

    public PkceLogin(URI issuer) {
        this(issuer, CLI_CLIENT, CLI_REDIRECT);
    }

    public PkceLogin(URI issuer, String clientId, URI redirectUri) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
    }

    /**
     * Logs {@code username} in and exchanges the code for an access token.
     *
     * @throws LoginRejectedException when the login form refuses the credentials
     */
    public AccessToken login(String username, String password) throws IOException, InterruptedException {
        // a fresh cookie jar per login: the session that the form login creates belongs to this login only
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String verifier = randomToken(32);
        String state = randomToken(16);
        String code = authorizationCode(http, username, password, challenge(verifier), state);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        form.put("client_id", clientId);
        form.put("code_verifier", verifier);
        return TokenEndpoint.post(http, issuer, form, null);
    }

    private String authorizationCode(HttpClient http, String username, String password, String challenge, String state)
            throws IOException, InterruptedException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri.toString());
        query.put("scope", "openid profile");
        query.put("state", state);
        query.put("code_challenge", challenge);
        query.put("code_challenge_method", "S256");
        URI authorize = URI.create(TokenEndpoint.endpoint(issuer, "/oauth2/authorize") + "?" + TokenEndpoint.form(query));

        URI loginPage = redirect(http, get(authorize));
        HttpResponse<String> form = send(http, get(loginPage));
        Matcher csrf = CSRF.matcher(form.body());
        if (form.statusCode() != 200 || !csrf.find()) {
            throw new IOException("no login form at " + loginPage + " (" + form.statusCode() + ")");
        }
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("username", username);
        credentials.put("password", password);
        credentials.put("_csrf", csrf.group(1));
        URI afterLogin = redirect(http, HttpRequest.newBuilder(loginPage)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(TokenEndpoint.form(credentials))));
        if (afterLogin.getPath().equals(loginPage.getPath())) {
            throw new LoginRejectedException("the issuer refused the login of " + username + " (" + afterLogin + ")");
        }
        URI callback = redirect(http, get(afterLogin));
        Map<String, String> answer = query(callback);
        if (!state.equals(answer.get("state")) || !answer.containsKey("code")) {
            throw new IOException("no authorization code for " + username + ": " + callback);
        }
        return answer.get("code");
    }

    private static HttpRequest.Builder get(URI uri) {
        // the issuer sends browsers (text/html) to the login form and answers other callers 401
        return HttpRequest.newBuilder(uri).header("Accept", "text/html").GET();
    }

    /** Sends the request and returns where the expected redirect points. */
    private static URI redirect(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = send(http, request);
        Optional<String> location = response.headers().firstValue("Location");
        if (response.statusCode() / 100 != 3 || location.isEmpty()) {
            throw new IOException(response.request().method() + " " + response.uri() + " answered " + response.statusCode()
                    + " without a redirect: " + response.body());
        }
        return response.uri().resolve(location.get());
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return fields;
    }

    private static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The S256 code challenge: BASE64URL(SHA-256(verifier)). */
    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
