package cn.dongcheng.platform.gateway.body;

import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.gateway.RawResponse;
import com.fasterxml.jackson.databind.JsonNode;
import cn.dongcheng.platform.gateway.Downstream;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies stream through the gateway to a real HTTP server that reads them: no body is held in memory, a
 * client that stops sending gets a 408 problem after the read timeout (here 1 s), and a service that reads slowly does
 * not make its client look stalled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "platform.gateway.timeouts.client-read=1s")
class StreamingIT extends ElasticsearchIntegrationTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    private static HttpServer sink;
    private static final AtomicInteger calls = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    CircuitBreakerRegistry breakers;
    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) throws IOException {
        sink = Downstream.start(exchange -> {
            try (exchange) {
                if (exchange.getRequestURI().getPath().endsWith("/slow-sink")) {
                    Thread.sleep(3 * READ_TIMEOUT.toMillis()); // reads nothing for a while: backpressure up to the client
                }
                calls.incrementAndGet();
                long n = exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                byte[] answer = ("{\"received\":" + n + "}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        registry.add("spring.cloud.discovery.client.simple.instances.industry-service[0].uri", () -> Downstream.uri(sink));
    }

    @AfterAll
    static void stop() {
        sink.stop(0);
    }

    /** {@code total} bytes in 64 KiB pieces, made as they are sent (the client holds none of it either). */
    private static HttpRequest.BodyPublisher generated(long total) {
        return HttpRequest.BodyPublishers.fromPublisher(subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            private long sent;
            private boolean done;

            @Override
            public synchronized void request(long n) {
                for (long i = 0; i < n && !done; i++) {
                    int size = (int) Math.min(65_536, total - sent);
                    if (size == 0) {
                        done = true;
                        subscriber.onComplete();
                        return;
                    }
                    sent += size;
                    subscriber.onNext(ByteBuffer.wrap(new byte[size]));
                }
            }

            @Override
            public void cancel() {
                done = true;
            }
        }), total);
    }

    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aLargeUploadStreamsThroughInBoundedDirectMemory() throws Exception {
        long size = 48L * 1024 * 1024; // under the default limit (64 MiB)
        PooledByteBufAllocator netty = PooledByteBufAllocator.DEFAULT;
        long baseline = netty.metric().usedDirectMemory();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(netty.metric().usedDirectMemory(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        HttpResponse<String> r;
        try {
            r = post("/api/industry/v1/sink", generated(size));
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(ApiClient.json(r).path("received").asLong()).isEqualTo(size);
        // a body held whole would need all 48 MiB at once; streamed, a few pooled chunks carry it
        assertThat(peak.get() - baseline).as("direct memory taken while streaming").isLessThan(16L * 1024 * 1024);
    }

    /** Sends {@code bytes} of a request, then nothing: the answer must be a 408 problem after the read timeout, the connection closed. */
    private void assertStallAnswered408(byte[]... bytes) throws Exception {
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.setSoTimeout(15_000);
            for (byte[] part : bytes) {
                client.getOutputStream().write(part);
            }
            client.getOutputStream().flush();
            long start = System.nanoTime();
            RawResponse r = RawResponse.read(client.getInputStream());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(r.status()).as(r.toString()).isEqualTo(408);
            assertThat(took).isGreaterThanOrEqualTo(READ_TIMEOUT.minusMillis(100)).isLessThan(READ_TIMEOUT.plusSeconds(3));
            assertThat(r.header("content-type")).startsWith("application/problem+json");
            JsonNode problem = ApiClient.json(r.body());
            assertThat(problem.path("status").asInt()).isEqualTo(408);
            assertThat(problem.path("requestId").asText()).isNotBlank().isEqualTo(r.header("x-request-id"));
            assertThat(client.getInputStream().read()).as("the connection is closed").isEqualTo(-1);
        }
    }

    @Test
    void aClientThatStopsSendingItsBodyGets408ProblemWithinTheReadTimeout() throws Exception {
        long failedBefore = breakers.circuitBreaker("industry-service").getMetrics().getNumberOfFailedCalls();
        assertStallAnswered408(("POST /api/industry/v1/sink HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: application/x-ndjson\r\nContent-Length: 950000\r\n\r\n").getBytes(StandardCharsets.US_ASCII), new byte[1000]);
        // the client's fault: the service's breaker counts no failure for it
        assertThat(breakers.circuitBreaker("industry-service").getMetrics().getNumberOfFailedCalls()).isEqualTo(failedBefore);
    }

    @Test
    void aClientThatStopsInTheMiddleOfItsHeadersGets408ProblemWithinTheReadTimeout() throws Exception {
        int before = calls.get();
        assertStallAnswered408(("GET /api/industry/v1/sink HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: appl")
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(calls.get()).as("calls that reached the service").isEqualTo(before);
    }

    @Test
    void aKeptAliveConnectionServesRequestsSplitOverManyWritesWithinTheReadTimeout() throws Exception {
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.setSoTimeout(15_000);
            OutputStream out = client.getOutputStream();
            for (int request = 0; request < 2; request++) {
                for (String piece : new String[]{"GET /api/industry/v1/sink HTTP/1.1\r\n", "Host: 127.0.0.1\r\n", "\r\n"}) {
                    out.write(piece.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(READ_TIMEOUT.toMillis() / 3); // slow, but the whole head within the timeout
                }
                assertThat(RawResponse.read(client.getInputStream()).status()).isEqualTo(200);
                Thread.sleep(READ_TIMEOUT.toMillis() / 2); // idle between requests
            }
        }
    }

    @Test
    void aServiceThatReadsSlowlyDoesNotMakeItsClientLookStalled() throws Exception {
        // more than the sockets between client, gateway and service hold: the client must wait for the service to read
        long size = 32L * 1024 * 1024;
        HttpResponse<String> r = post("/api/industry/v1/slow-sink", generated(size));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(ApiClient.json(r).path("received").asLong()).isEqualTo(size);
    }
}
