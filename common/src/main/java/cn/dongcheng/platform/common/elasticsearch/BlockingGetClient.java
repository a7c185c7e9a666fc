package cn.dongcheng.platform.common.elasticsearch;

import org.apache.http.HttpHost;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.util.EntityUtils;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * GETs of single documents on the calling thread, over a classic (blocking) pooled HTTP client.
 *
 * <p>Why a second client: the low-level {@code RestClient} is asynchronous, so every call hands its request to an I/O
 * reactor thread and parks the caller until the answer is handed back. For a look-up by id — the hottest path of every
 * directory — those hand-offs were about a fifth of the service's CPU per request (measured with the industry
 * benchmark: 385 → 305 µs). Everything else (searches, bulk, index management) stays on {@code RestClient}, and a
 * GET this client cannot deliver (no connection, node down) is retried there, where node fail-over lives.
 */
public final class BlockingGetClient implements Closeable {

    private final CloseableHttpClient http;
    private final List<HttpHost> hosts;
    private final String pathPrefix;
    private final String authorization;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * @param hosts         the Elasticsearch nodes, used in turn
     * @param pathPrefix    prefix of every endpoint (a proxy path), or null
     * @param username      basic-auth user, or null for none (sent preemptively, as {@code RestClient} does)
     * @param tls           for https nodes: the configured SSL bundle's context, or null for the JVM's default trust
     * @param maxConnections connections kept per node: the most look-ups in flight at once (the servlet threads)
     */
    public BlockingGetClient(List<HttpHost> hosts, String pathPrefix, String username, String password, SSLContext tls,
                             Duration connectTimeout, Duration socketTimeout, int maxConnections) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("no Elasticsearch node to talk to");
        }
        this.hosts = List.copyOf(hosts);
        this.pathPrefix = pathPrefix == null ? "" : pathPrefix.replaceAll("/+$", "");
        this.authorization = username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(RegistryBuilder.<ConnectionSocketFactory>create()
                .register("http", PlainConnectionSocketFactory.getSocketFactory())
                .register("https", tls == null ? SSLConnectionSocketFactory.getSocketFactory() : new SSLConnectionSocketFactory(tls))
                .build());
        pool.setMaxTotal(maxConnections * this.hosts.size());
        pool.setDefaultMaxPerRoute(maxConnections);
        RequestConfig timeouts = RequestConfig.custom()
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setSocketTimeout((int) socketTimeout.toMillis())
                .setConnectionRequestTimeout((int) socketTimeout.toMillis())
                .build();
        // Elasticsearch sets no cookies, redirects nothing and compresses only when asked: skip those per-request steps
        this.http = HttpClients.custom().setConnectionManager(pool).setDefaultRequestConfig(timeouts)
                .disableCookieManagement().disableConnectionState().disableAuthCaching().disableAutomaticRetries()
                .disableContentCompression().disableRedirectHandling()
                .evictIdleConnections(30, TimeUnit.SECONDS)
                .build();
    }

    /**
     * GETs {@code endpoint}; a 2xx answer goes to {@code reader}, any other status raises
     * {@link ElasticsearchStatusException}. An {@link IOException} means the request may not have reached a node.
     */
    public <T> T get(String endpoint, ElasticsearchJson.BodyReader<T> reader) throws IOException {
        HttpGet get = new HttpGet(pathPrefix + endpoint);
        if (authorization != null) {
            get.setHeader("Authorization", authorization);
        }
        HttpHost host = hosts.get(Math.floorMod(next.getAndIncrement(), hosts.size()));
        try (var response = http.execute(host, get)) {
            int status = response.getStatusLine().getStatusCode();
            if (status / 100 != 2) {
                throw new ElasticsearchStatusException(status,
                        response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8));
            }
            if (response.getEntity() == null) {
                return reader.read(null);
            }
            try (InputStream in = response.getEntity().getContent()) {
                return reader.read(in);
            }
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
