package cn.dongcheng.platform.identity.login;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/** The client-credentials grant (客户端凭证模式) of a confidential client: how services and loaders get a token. */
public final class ClientCredentials {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI issuer;
    private final String clientId;
    private final String secret;

    public ClientCredentials(URI issuer, String clientId, String secret) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.secret = secret;
    }

    /** A fresh access token for this client. */
    public AccessToken fetch() throws IOException, InterruptedException {
        return TokenEndpoint.post(http, issuer, Map.of("grant_type", "client_credentials"), clientId + ":" + secret);
    }
}
