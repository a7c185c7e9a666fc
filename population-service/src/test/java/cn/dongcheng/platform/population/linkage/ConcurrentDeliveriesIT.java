package cn.dongcheng.platform.population.linkage;

import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.population.person.PersonRegistry;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.dongcheng.platform.population.support.SourceLines.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several agencies (or several chunks of one loader) delivering source records of the same persons at the same time,
 * through real HTTP with real tokens: every linked person ends up with every source record that was acknowledged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentDeliveriesIT extends ElasticsearchIntegrationTest {

    private static final int PERSONS = 400;
    private static final int ROUNDS = 3;

    @LocalServerPort
    int port;
    @Autowired
    PersonRegistry registry;
    @Autowired
    DocumentPages pages;
    @Autowired
    ElasticsearchJson es;

    private static String idNumber(int round, int i) {
        String first17 = String.format("1101011985%02d%02d%03d", round + 1, 1 + i % 28, i % 1000);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** What each source of a person says; each one states a field the others do not. */
    private static List<String> sourcesOf(String id, int i) {
        String street = String.format("1101010%02d", 1 + i % 14);
        return List.of(
                line("source", "HOUSEHOLD_REGISTRATION", "sourceId", "HR-" + id.substring(6, 17), "sourceDate", "2015-01-01",
                        "idNumber", id, "name", "张三", "hukouType", "FAMILY", "hukouPlace", "110101",
                        "registrationStreetCode", street),
                line("source", "CENSUS", "sourceId", "C-" + id.substring(6, 17), "sourceDate", "2020-11-01",
                        "idNumber", id, "residenceStreetCode", street, "residenceCommunity", "社区" + i % 7),
                line("source", "SAMPLE_SURVEY", "sourceId", "S-" + id.substring(6, 17), "sourceDate", "2016-05-01",
                        "idNumber", id, "sex", (id.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE", "householdId", "H-" + i),
                line("source", "FLOATING_RESIDENCE", "sourceId", "FR-" + id.substring(6, 17), "sourceDate", "2012-01-01",
                        "idNumber", id, "birthDate", id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14)));
    }

    @Test
    void sourceRecordsOfTheSamePersonsDeliveredConcurrentlyAreAllLinked() throws Exception {
        ApiClient api = new ApiClient(port);
        int kinds = sourcesOf(idNumber(0, 0), 0).size();
        ExecutorService agencies = Executors.newFixedThreadPool(kinds);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                // each agency delivers its own source kind of the same persons, in the same order, all at once
                List<StringBuilder> uploads = new ArrayList<>();
                for (int k = 0; k < kinds; k++) {
                    uploads.add(new StringBuilder());
                }
                for (int i = 0; i < PERSONS; i++) {
                    List<String> lines = sourcesOf(idNumber(round, i), i);
                    for (int k = 0; k < kinds; k++) {
                        uploads.get(k).append(lines.get(k)).append('\n');
                    }
                }
                CyclicBarrier start = new CyclicBarrier(kinds);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (StringBuilder upload : uploads) {
                    Callable<HttpResponse<String>> deliver = () -> {
                        start.await();
                        return api.postNdjson("/v1/person-sources:bulk", upload.toString(), "DATA_STEWARD");
                    };
                    answers.add(agencies.submit(deliver));
                }
                for (Future<HttpResponse<String>> answer : answers) {
                    HttpResponse<String> r = answer.get();
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    assertThat(ApiClient.json(r).path("accepted").asInt()).as(r.body()).isEqualTo(PERSONS);
                }
                assertEveryPersonHasAllSources(round, kinds);
            }
        } finally {
            agencies.shutdownNow();
        }
    }

    /**
     * Not a benchmark (bench/ has those), a before/after gauge of the bulk path: three rounds of one upload of 3,200
     * lines (800 new persons × 4 sources) through the service against raw {@code _bulk} of the same source records
     * into a scratch index, 1,000 a request as the service batches; then the last upload again (all unchanged).
     */
    @Test
    void oneUploadIsAcceptedWholeAndItsRateIsReportedAgainstRawBulk() {
        ApiClient api = new ApiClient(port);
        String scratch = "raw-person-sources-" + UUID.randomUUID();
        es.send("PUT", "/" + scratch + "/_doc/warm-up", sourcesOf(idNumber(9, 0), 0).get(0), Map.of());
        api.postNdjson("/v1/person-sources:bulk", sourcesOf(idNumber(9, 0), 0).get(0), "DATA_STEWARD"); // warm-up
        List<Double> ratios = new ArrayList<>();
        StringBuilder upload = new StringBuilder();
        for (int round = 0; round < 3; round++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 800; i++) {
                String first17 = String.format("11010119%d%d%02d%02d%03d", 6 + round, i / 336, 1 + i / 28 % 12, 1 + i % 28, i % 1000);
                lines.addAll(sourcesOf(first17 + ResidentIdNumber.checkCharacter(first17), i));
            }
            upload.setLength(0);
            lines.forEach(l -> upload.append(l).append('\n'));
            long started = System.nanoTime();
            HttpResponse<String> r = api.postNdjson("/v1/person-sources:bulk", upload.toString(), "DATA_STEWARD");
            long service = System.nanoTime() - started;
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(ApiClient.json(r).path("accepted").asInt()).isEqualTo(lines.size());

            started = System.nanoTime();
            for (int from = 0; from < lines.size(); from += 1000) {
                StringBuilder body = new StringBuilder();
                for (int i = from; i < Math.min(lines.size(), from + 1000); i++) {
                    body.append("{\"index\":{\"_index\":\"").append(scratch).append("\",\"_id\":\"").append(round).append('-')
                            .append(i).append("\"}}\n").append(lines.get(i)).append('\n');
                }
                es.send("POST", "/_bulk", body.toString().getBytes(StandardCharsets.UTF_8), Map.of());
            }
            long raw = System.nanoTime() - started;
            ratios.add((double) raw / service);
            System.out.printf("person-sources:bulk round %d, %d lines: service %.0f lines/s, raw _bulk %.0f lines/s, ratio %.2f%n",
                    round, lines.size(), rate(lines.size(), service), rate(lines.size(), raw), (double) raw / service);
        }
        long started = System.nanoTime();
        HttpResponse<String> again = api.postNdjson("/v1/person-sources:bulk", upload.toString(), "DATA_STEWARD");
        long unchanged = System.nanoTime() - started;
        assertThat(ApiClient.json(again).path("unchanged").asInt()).isEqualTo(3200);
        es.send("DELETE", "/" + scratch, null, Map.of());
        System.out.printf("person-sources:bulk service ÷ raw median %.2f; the same upload again (unchanged) %.0f lines/s%n",
                ratios.stream().sorted().toList().get(1), rate(3200, unchanged));
    }

    private static double rate(int lines, long nanos) {
        return lines * 1e9 / nanos;
    }

    private void assertEveryPersonHasAllSources(int round, int kinds) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PERSONS; i++) {
            ids.add(idNumber(round, i));
        }
        Map<String, LinkedPerson> persons = pages.getAll(registry.alias(), ids, LinkedPerson.class);
        assertThat(persons).hasSize(PERSONS);
        List<String> incomplete = persons.values().stream()
                .filter(p -> p.sourceKeys() == null || p.sourceKeys().size() != kinds || p.registrationStreetCode() == null
                        || p.residenceCommunity() == null || p.sex() == null || p.birthDate() == null)
                .map(p -> p.idNumber().substring(0, 6) + "… sources " + p.sourceKeys())
                .toList();
        assertThat(incomplete).as("round %d: persons missing source records", round).isEmpty();
    }
}
