package cn.dongcheng.platform.demodata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends NDJSON lines to a service's bulk-ingestion endpoint in chunks, with a few uploads in flight, and prints
 * progress. Data enters the platform only this way: through the services' own validation.
 */
public final class ChunkedUploader implements Consumer<String>, AutoCloseable {

    private final HttpClient http;
    private final URI endpoint;
    private final Supplier<String> token;
    private final String label;
    private final long expected;
    private final int chunkLines;
    private final int inFlight;
    private final PrintStream out;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Deque<CompletableFuture<HttpResponse<String>>> pending = new ArrayDeque<>();
    private final long started = System.nanoTime();
    private StringBuilder chunk = new StringBuilder();
    private int linesInChunk;
    private long sent;
    private long accepted;
    private long rejected;
    private long lastReport = started;

    public ChunkedUploader(HttpClient http, URI endpoint, Supplier<String> token, String label, long expected, int chunkLines, int inFlight, PrintStream out) {
        this.http = http;
        this.endpoint = endpoint;
        this.token = token;
        this.label = label;
        this.expected = expected;
        this.chunkLines = chunkLines;
        this.inFlight = inFlight;
        this.out = out;
    }

    @Override
    public void accept(String line) {
        chunk.append(line).append('\n');
        if (++linesInChunk >= chunkLines) {
            send();
        }
    }

    private void send() {
        if (linesInChunk == 0) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + token.get())
                .POST(HttpRequest.BodyPublishers.ofString(chunk.toString(), StandardCharsets.UTF_8))
                .build();
        pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        sent += linesInChunk;
        chunk = new StringBuilder(chunk.capacity());
        linesInChunk = 0;
        while (pending.size() >= inFlight) {
            collect(pending.removeFirst());
        }
    }

    private void collect(CompletableFuture<HttpResponse<String>> future) {
        HttpResponse<String> response = future.join();
        if (response.statusCode() != 200) {
            throw new IllegalStateException(label + ": " + endpoint + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            JsonNode report = mapper.readTree(response.body());
            accepted += report.path("accepted").asLong();
            long bad = report.path("rejectedCount").asLong();
            if (bad > 0 && rejected < 5) {
                out.println("  " + label + " rejected: " + report.path("rejected").get(0));
            }
            rejected += bad;
        } catch (IOException e) {
            throw new IllegalStateException(label + ": unreadable answer " + response.body(), e);
        }
        report(false);
    }

    private void report(boolean last) {
        long now = System.nanoTime();
        if (!last && now - lastReport < 2_000_000_000L) {
            return;
        }
        lastReport = now;
        out.println(progressLine(label, accepted, rejected, expected, (now - started) / 1e9, last));
    }

    /**
     * One progress line. {@code expected} is an estimate (the generators draw statuses at random, so the number of
     * monthly reports or persons is known only once generated): the count shown never passes the total shown, nor the
     * percentage 100 — past the estimate the total is what has been done so far, and the last line's total is exact.
     */
    static String progressLine(String label, long accepted, long rejected, long expected, double seconds, boolean last) {
        long done = accepted + rejected;
        long total = last ? done : Math.max(expected, done);
        double percent = total == 0 ? 100.0 : Math.min(100.0, 100.0 * done / total);
        if (!last && percent > 99.0 && done < total) {
            percent = 99.0; // not 100 % while lines are still to come
        }
        return String.format(Locale.ROOT, "  %-17s %,11d / %,d (%3.0f%%)  accepted %,d  rejected %,d  %,.0f/s%s", label, done,
                total, percent, accepted, rejected, done / Math.max(seconds, 0.001),
                last ? String.format(Locale.ROOT, "  done in %.1f s", seconds) : "");
    }

    public long accepted() {
        return accepted;
    }

    public long rejected() {
        return rejected;
    }

    @Override
    public void close() {
        send();
        while (!pending.isEmpty()) {
            collect(pending.removeFirst());
        }
        report(true);
    }
}
