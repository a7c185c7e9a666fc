package cn.dongcheng.platform.bench;

import cn.dongcheng.platform.demodata.Calibration;
import cn.dongcheng.platform.demodata.ChunkedUploader;
import cn.dongcheng.platform.demodata.PersonGenerator;
import cn.dongcheng.platform.demodata.Scale;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Grows the person register to a given size with more city-scale demo persons (another seed) through
 * {@code POST /v1/persons:bulk}: a district-scale platform then gives the benchmark's second point (2,000,000 persons)
 * without the city data set's other hours of loading. A generated ID number can equal one already registered (the
 * generators number each region and birth date from 0), which replaces that person; so it uploads, counts and uploads
 * the next lines until the register holds the size asked.
 */
final class RegisterGrowth {

    private static final long SEED = 20201101L + 4242;

    private RegisterGrowth() {
    }

    static void growTo(BenchSupport bench, String service, Supplier<String> loader, long target) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long sent = 0;
        for (long count = persons(bench); count < target; count = persons(bench)) {
            long skip = sent;
            long need = target - count;
            System.out.printf("register holds %,d persons; uploading %,d more%n", count, need);
            try (ChunkedUploader up = new ChunkedUploader(http, URI.create(service + "/v1/persons:bulk?refresh=false"), loader,
                    "persons", need, 5_000, 2, System.out)) {
                long[] seen = {0};
                new PersonGenerator(Calibration.load()).generate(Scale.CITY, SEED, line -> {
                    long n = seen[0]++;
                    if (n >= skip && n < skip + need) {
                        up.accept(line);
                    }
                });
                if (seen[0] <= skip + need) {
                    throw new IllegalStateException("the city-scale generator has too few persons for " + target);
                }
            }
            sent += need;
            bench.refresh("population-persons");
        }
    }

    private static long persons(BenchSupport bench) {
        return bench.get(bench.es + "/population-persons/_count").path("count").asLong();
    }
}
