package cn.dongcheng.platform.identity.login;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Prints an access token from the running issuer ({@code ./platform token …}).
 *
 * <pre>
 * TokenCommand &lt;role&gt; [--issuer URL] [--client platform-cli] [--redirect-uri URI]
 *     the demo user holding that role logs in through authorization code + PKCE (e.g. regulator, citizen)
 * TokenCommand service &lt;client-id&gt; [--issuer URL] [--secret S]
 *     client credentials; the secret defaults to $CLIENT_SECRET, then .platform/secrets/&lt;client-id&gt;
 * </pre>
 *
 * The issuer defaults to {@code $IDENTITY_ISSUER}, then {@code http://127.0.0.1:9000}.
 */
public final class TokenCommand {

    private TokenCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("--")) {
            System.err.println("usage: token <role> [--issuer URL] [--client ID] | token service <client-id> [--secret S]");
            System.exit(2);
        }
        Map<String, String> options = options(args);
        URI issuer = URI.create(options.getOrDefault("issuer",
                System.getenv().getOrDefault("IDENTITY_ISSUER", "http://127.0.0.1:9000")));
        AccessToken token;
        if (args[0].equals("service")) {
            if (args.length < 2) {
                throw new IllegalArgumentException("token service <client-id>");
            }
            token = new ClientCredentials(issuer, args[1], secret(args[1], options)).fetch();
        } else {
            DemoUser user = DemoUsers.load().forRole(args[0]);
            PkceLogin login = new PkceLogin(issuer, options.getOrDefault("client", PkceLogin.CLI_CLIENT),
                    URI.create(options.getOrDefault("redirect-uri", PkceLogin.CLI_REDIRECT.toString())));
            token = login.login(user.username(), user.password());
        }
        System.out.println(token.value());
    }

    private static String secret(String clientId, Map<String, String> options) throws IOException {
        if (options.containsKey("secret")) {
            return options.get("secret");
        }
        String env = System.getenv("CLIENT_SECRET");
        if (env != null && !env.isBlank()) {
            return env;
        }
        Path file = Path.of(".platform/secrets", clientId);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no secret for " + clientId + ": pass --secret, set CLIENT_SECRET or run ./platform up");
        }
        return Files.readString(file).trim();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                o.put(args[i].substring(2), args[++i]);
            }
        }
        return o;
    }
}
