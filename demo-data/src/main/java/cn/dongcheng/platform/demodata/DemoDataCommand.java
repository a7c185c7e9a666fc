package cn.dongcheng.platform.demodata;

import cn.dongcheng.platform.identity.login.CachedToken;
import cn.dongcheng.platform.identity.login.ClientCredentials;
import cn.dongcheng.platform.identity.login.DemoUsers;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Generates the demo data set and loads it through the gateway into the services' bulk-ingestion APIs, or writes
 * it to NDJSON files; then carries out a year of spot checks through market-supervision-service's API
 * ({@link SpotCheckLoader}: plans, tasks, pools, draws, assignments and results as the demo regulator and inspectors).
 *
 * <pre>
 * java -jar demo-data-exec.jar [--scale small|district|city] [--seed 20201101] [--gateway http://127.0.0.1:8080]
 *                              [--issuer URL] [--client-id demo-data-loader] [--client-secret S] [--if-empty] [--out DIR]
 * java -jar demo-data-exec.jar --help     (an unknown option: usage on stderr, exit 2 — see {@link Options})
 * </pre>
 *
 * The loader authenticates as its own confidential client (client credentials, role DATA_STEWARD) at the issuer:
 * {@code --issuer} or {@code $IDENTITY_ISSUER} (default {@code http://127.0.0.1:9000}), {@code --client-id} or
 * {@code $DEMO_DATA_CLIENT_ID}, {@code --client-secret} or {@code $DEMO_DATA_CLIENT_SECRET}. A load can outlast a
 * token, so the token is fetched again a minute before it expires.
 */
public final class DemoDataCommand {

    /** The seed of the published demo data set (the 2020 census date). */
    static final long DEFAULT_SEED = 20201101L;
    /** Persons come from their own stream: the seed plus this. */
    static final long PERSON_SEED_OFFSET = 1;
    /** Telecom presence counts come from their own stream too. */
    static final long PRESENCE_SEED_OFFSET = 6;
    /** Persons holding credit records, per ten thousand: dishonest judgment debtors, penalties, honours, commitments. */
    static final int CREDIT_PERSONS_PER_TEN_THOUSAND = 80;

    private DemoDataCommand() {
    }

    public static void main(String[] args) throws Exception {
        int exit = run(args, System.out, System.err);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** Exit code 0 on success (or {@code --help}), 2 on a command line that cannot be run (usage on {@code err}). */
    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (Options.UsageException e) {
            err.println("demo-data: " + e.getMessage());
            err.println(Options.USAGE);
            return 2;
        }
        if (o.help()) {
            out.println(Options.USAGE);
            return 0;
        }
        load(o, out);
        return 0;
    }

    private static void load(Options o, PrintStream out) throws Exception {
        Scale scale = o.scale();
        long seed = o.seed();
        Calibration calibration = Calibration.load();
        long expectedPersons = Math.round(calibration.residents() * scale.personFactor()
                * (1 + (1 - calibration.floatingShare()) * calibration.registeredAwayPerRegisteredResident()));
        long expectedEnterprises = Math.round(calibration.enterprises().path("district").asInt() * scale.enterpriseFactor());

        if (o.has("out")) {
            Path dir = Path.of(o.get("out"));
            Files.createDirectories(dir);
            EnterpriseGenerator enterprises = new EnterpriseGenerator(calibration);
            List<String> enterpriseLines = new ArrayList<>();
            write(dir.resolve("enterprises.ndjson"), sink -> enterprises.generate(scale, seed, line -> {
                enterpriseLines.add(line);
                sink.accept(line);
            }));
            write(dir.resolve("operating-indicators.ndjson"), sink -> new IndicatorGenerator().generate(enterpriseLines, seed + 3, sink));
            List<PersonSample.Person> creditPersons = new ArrayList<>();
            write(dir.resolve("persons.ndjson"), sink -> {
                PersonSample sample = personSample(sink);
                new PersonGenerator(calibration).generate(scale, seed + PERSON_SEED_OFFSET, sample);
                creditPersons.addAll(sample.sampled());
            });
            if (PersonHistoryGenerator.generatesAt(scale, out)) {
                write(dir.resolve("person-sources.ndjson"), new PersonHistoryGenerator(calibration).generate(scale, seed, out)::emit);
            }
            write(dir.resolve("presence-counts.ndjson"), sink -> new PresenceGenerator(calibration).generate(seed + PRESENCE_SEED_OFFSET, sink));
            write(dir.resolve("inspection-items.ndjson"), sink -> new SupervisionData().inspectionItems(sink));
            write(dir.resolve("credit-records.ndjson"), sink -> creditRecords(enterprises.codes(), creditPersons, seed, sink));
            write(dir.resolve("inspectors.ndjson"), sink -> new SupervisionData().inspectors(enterprises.codes(), seed + 4, sink));
            out.println("wrote " + scale.name().toLowerCase(Locale.ROOT) + " demo data to " + dir.toAbsolutePath()
                    + " (not the spot checks: their draws happen in the running service, after the announced time)");
            return;
        }

        URI gateway = URI.create(o.get("gateway", "http://127.0.0.1:8080"));
        Supplier<String> token = loaderToken(o);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        if (o.has("if-empty") && !empty(http, gateway, token.get())) {
            out.println("demo data: the platform already holds data; nothing loaded (drop --if-empty to load again: it is idempotent)");
            return;
        }
        out.printf("loading %s demo data (seed %d) through %s%n", scale.name().toLowerCase(Locale.ROOT), seed, gateway);
        long start = System.nanoTime();
        EnterpriseGenerator enterprises = new EnterpriseGenerator(calibration);
        List<String> enterpriseLines = new ArrayList<>();
        try (ChunkedUploader up = uploader(http, gateway, "/api/industry/v1/enterprises:bulk", token, "enterprises", expectedEnterprises, out)) {
            enterprises.generate(scale, seed, line -> {
                enterpriseLines.add(line);
                up.accept(line);
            });
        }
        long months = IndicatorGenerator.FIRST.until(IndicatorGenerator.LAST, ChronoUnit.MONTHS) + 1;
        // every active entity reports every month: the exact count, not the calibrated share (which the draw misses)
        long active = enterpriseLines.stream().filter(line -> line.contains("\"status\":\"ACTIVE\"")).count();
        try (ChunkedUploader up = uploader(http, gateway, "/api/industry/v1/operating-indicators:bulk", token, "monthly reports",
                active * months, out)) {
            new IndicatorGenerator().generate(enterpriseLines, seed + 3, up);
        }
        SupervisionData other = new SupervisionData();
        try (ChunkedUploader up = uploader(http, gateway, "/api/supervision/v1/inspection-items:bulk", token, "inspection items",
                other.itemCount(), out)) {
            other.inspectionItems(up);
        }
        try (ChunkedUploader up = uploader(http, gateway, "/api/supervision/v1/inspectors:bulk", token, "inspectors",
                SupervisionData.INSPECTORS, out)) {
            other.inspectors(enterprises.codes(), seed + 4, up);
        }
        // persons first: the few who hold credit records are sampled from the same stream
        List<PersonSample.Person> creditPersons;
        try (ChunkedUploader up = uploader(http, gateway, "/api/population/v1/persons:bulk", token, "persons", expectedPersons, out)) {
            PersonSample sample = personSample(up);
            new PersonGenerator(calibration).generate(scale, seed + PERSON_SEED_OFFSET, sample);
            creditPersons = sample.sampled();
        }
        if (PersonHistoryGenerator.generatesAt(scale, out)) {
            PersonHistory history = new PersonHistoryGenerator(calibration).generate(scale, seed, out);
            // three chunks in flight like every upload: the service writes a linked person only on the version it was
            // computed from and relinks an overtaken one, so chunks with records of one person no longer lose either's
            try (ChunkedUploader up = uploader(http, gateway, "/api/population/v1/person-sources:bulk", token, "person sources",
                    history.size(), out)) {
                history.emit(up);
            }
        }
        try (ChunkedUploader up = uploader(http, gateway, "/api/population/v1/presence-counts:bulk", token, "presence counts",
                PresenceGenerator.expected(), out)) {
            new PresenceGenerator(calibration).generate(seed + PRESENCE_SEED_OFFSET, up);
        }
        try (ChunkedUploader up = uploader(http, gateway, "/api/credit/v1/records:bulk", token, "credit records",
                CreditRecordGenerator.expected(enterprises.codes().size(), creditPersons.size()), out)) {
            creditRecords(enterprises.codes(), creditPersons, seed, up);
        }
        // last: the pools are classed by the credit records just loaded, and the results go to credit-service
        new SpotCheckLoader(http, gateway, issuer(o), scale, seed, out).load();
        out.printf("demo data loaded in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** The persons who hold credit records: {@value #CREDIT_PERSONS_PER_TEN_THOUSAND} in ten thousand, and the demo citizen. */
    static PersonSample personSample(Consumer<String> next) {
        return new PersonSample(next, CREDIT_PERSONS_PER_TEN_THOUSAND, Set.of(DemoUsers.load().forRole("CITIZEN").subjectId()));
    }

    /** Credit records of the entities (the demo enterprise holds every common kind) and of the sampled persons. */
    static long creditRecords(List<String> codes, List<PersonSample.Person> persons, long seed, Consumer<String> sink) {
        CreditRecordGenerator credit = new CreditRecordGenerator();
        return credit.legalPersons(codes, Set.of(DemoUsers.load().forRole("ENTERPRISE").subjectId()), seed + 2, sink)
                + credit.naturalPersons(persons, seed + 5, sink);
    }

    /** The loader client's token, refreshed near expiry. */
    private static Supplier<String> loaderToken(Options o) {
        URI issuer = issuer(o);
        String clientId = option(o, "client-id", "DEMO_DATA_CLIENT_ID", "demo-data-loader");
        String secret = option(o, "client-secret", "DEMO_DATA_CLIENT_SECRET", null);
        if (secret == null) {
            throw new IllegalArgumentException("no client secret for " + clientId + ": pass --client-secret or set DEMO_DATA_CLIENT_SECRET");
        }
        ClientCredentials client = new ClientCredentials(issuer, clientId, secret);
        return new CachedToken(client::fetch, Duration.ofMinutes(1));
    }

    /** The OIDC issuer: the loader's client token and the demo staff's logins. */
    private static URI issuer(Options o) {
        return URI.create(option(o, "issuer", "IDENTITY_ISSUER", "http://127.0.0.1:9000"));
    }

    private static String option(Options o, String name, String env, String fallback) {
        String value = o.get(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    private static ChunkedUploader uploader(HttpClient http, URI gateway, String path, Supplier<String> token, String label, long expected, PrintStream out) {
        return new ChunkedUploader(http, gateway.resolve(path + "?refresh=false"), token, label, expected, 5_000, 3, out);
    }

    /** True when neither the directory of entities nor the person register holds anything yet. */
    private static boolean empty(HttpClient http, URI gateway, String token) throws IOException, InterruptedException {
        ObjectMapper mapper = new ObjectMapper();
        HttpResponse<String> enterprises = http.send(HttpRequest.newBuilder(gateway.resolve("/api/industry/v1/enterprises?size=1"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> persons = http.send(HttpRequest.newBuilder(gateway.resolve("/api/population/v1/population-summaries"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
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
