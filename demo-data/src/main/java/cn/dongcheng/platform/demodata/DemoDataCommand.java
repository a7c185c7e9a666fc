package cn.dongcheng.platform.demodata;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Generates the demo data set and loads it through the gateway into the services' bulk-ingestion APIs, or writes
 * it to NDJSON files.
 *
 * <pre>
 * java -jar demo-data-exec.jar [--scale small|district|city] [--seed 20201101] [--gateway http://127.0.0.1:8080]
 *                              [--token demo-data-steward] [--if-empty] [--out DIR]
 * </pre>
 */
public final class DemoDataCommand {

    private DemoDataCommand() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String key = args[i].replaceFirst("^--", "");
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            o.put(key, flag ? "true" : args[++i]);
        }
        Scale scale = Scale.valueOf(o.getOrDefault("scale", "district").toUpperCase(Locale.ROOT));
        long seed = Long.parseLong(o.getOrDefault("seed", "20201101"));
        PrintStream out = System.out;
        Calibration calibration = Calibration.load();
        long expectedPersons = Math.round(calibration.residents() * scale.personFactor()
                * (1 + (1 - calibration.floatingShare()) * calibration.registeredAwayPerRegisteredResident()));
        long expectedEnterprises = Math.round(calibration.enterprises().path("district").asInt() * scale.enterpriseFactor());

        if (o.containsKey("out")) {
            Path dir = Path.of(o.get("out"));
            Files.createDirectories(dir);
            EnterpriseGenerator enterprises = new EnterpriseGenerator(calibration);
            java.util.List<String> enterpriseLines = new java.util.ArrayList<>();
            write(dir.resolve("enterprises.ndjson"), sink -> enterprises.generate(scale, seed, line -> {
                enterpriseLines.add(line);
                sink.accept(line);
            }));
            write(dir.resolve("operating-indicators.ndjson"), sink -> new IndicatorGenerator().generate(enterpriseLines, seed + 3, sink));
            write(dir.resolve("persons.ndjson"), sink -> new PersonGenerator(calibration).generate(scale, seed + 1, sink));
            write(dir.resolve("inspection-items.ndjson"), sink -> new SupervisionAndCreditData().inspectionItems(sink));
            write(dir.resolve("credit-records.ndjson"), sink -> new SupervisionAndCreditData().creditRecords(enterprises.codes(), seed + 2, sink));
            out.println("wrote " + scale.name().toLowerCase(Locale.ROOT) + " demo data to " + dir.toAbsolutePath());
            return;
        }

        URI gateway = URI.create(o.getOrDefault("gateway", "http://127.0.0.1:8080"));
        String token = o.getOrDefault("token", "demo-data-steward");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        if (o.containsKey("if-empty") && !empty(http, gateway)) {
            out.println("demo data: the platform already holds data; nothing loaded (drop --if-empty to load again: it is idempotent)");
            return;
        }
        out.printf("loading %s demo data (seed %d) through %s%n", scale.name().toLowerCase(Locale.ROOT), seed, gateway);
        long start = System.nanoTime();
        EnterpriseGenerator enterprises = new EnterpriseGenerator(calibration);
        java.util.List<String> enterpriseLines = new java.util.ArrayList<>();
        try (ChunkedUploader up = uploader(http, gateway, "/api/industry/v1/enterprises:bulk", token, "enterprises", expectedEnterprises, out)) {
            enterprises.generate(scale, seed, line -> {
                enterpriseLines.add(line);
                up.accept(line);
            });
        }
        long months = IndicatorGenerator.FIRST.until(IndicatorGenerator.LAST, java.time.temporal.ChronoUnit.MONTHS) + 1;
        try (ChunkedUploader up = uploader(http, gateway, "/api/industry/v1/operating-indicators:bulk", token, "monthly reports",
                Math.round(expectedEnterprises * 0.92 * months), out)) {
            new IndicatorGenerator().generate(enterpriseLines, seed + 3, up);
        }
        SupervisionAndCreditData other = new SupervisionAndCreditData();
        try (ChunkedUploader up = uploader(http, gateway, "/api/supervision/v1/inspection-items:bulk", token, "inspection items", 10, out)) {
            other.inspectionItems(up);
        }
        try (ChunkedUploader up = uploader(http, gateway, "/api/credit/v1/records:bulk", token, "credit records",
                Math.round(expectedEnterprises * 0.085), out)) {
            other.creditRecords(enterprises.codes(), seed + 2, up);
        }
        try (ChunkedUploader up = uploader(http, gateway, "/api/population/v1/persons:bulk", token, "persons", expectedPersons, out)) {
            new PersonGenerator(calibration).generate(scale, seed + 1, up);
        }
        out.printf("demo data loaded in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static ChunkedUploader uploader(HttpClient http, URI gateway, String path, String token, String label, long expected, PrintStream out) {
        return new ChunkedUploader(http, gateway.resolve(path + "?refresh=false"), token, label, expected, 5_000, 3, out);
    }

    /** True when neither the directory of entities nor the person register holds anything yet. */
    private static boolean empty(HttpClient http, URI gateway) throws IOException, InterruptedException {
        ObjectMapper mapper = new ObjectMapper();
        HttpResponse<String> enterprises = http.send(HttpRequest.newBuilder(gateway.resolve("/api/industry/v1/enterprises?size=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> persons = http.send(HttpRequest.newBuilder(gateway.resolve("/api/population/v1/population-summaries")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (enterprises.statusCode() != 200 || persons.statusCode() != 200) {
            throw new IllegalStateException("cannot tell whether the platform is empty: " + enterprises.statusCode() + " / " + persons.statusCode());
        }
        return mapper.readTree(enterprises.body()).path("total").asLong() == 0
                && mapper.readTree(persons.body()).path("residents").asLong() == 0;
    }

    private static void write(Path file, Consumer<Consumer<String>> generator) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            generator.accept(line -> {
                try {
                    w.write(line);
                    w.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
