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
                PersonSourcesApiIT.line("source", "HOUSEHOLD_REGISTRATION", "sourceId", "HR-" + id.substring(6, 17), "sourceDate", "2015-01-01",
                        "idNumber", id, "name", "张三", "hukouType", "FAMILY", "hukouPlace", "110101",
                        "registrationStreetCode", street),
                PersonSourcesApiIT.line("source", "CENSUS", "sourceId", "C-" + id.substring(6, 17), "sourceDate", "2020-11-01",
                        "idNumber", id, "residenceStreetCode", street, "residenceCommunity", "社区" + i % 7),
                PersonSourcesApiIT.line("source", "SAMPLE_SURVEY", "sourceId", "S-" + id.substring(6, 17), "sourceDate", "2016-05-01",
                        "idNumber", id, "sex", (id.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE", "householdId", "H-" + i),
                PersonSourcesApiIT.line("source", "FLOATING_RESIDENCE", "sourceId", "FR-" + id.substring(6, 17), "sourceDate", "2012-01-01",
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
     * Not a benchmark (bench/ has those), a before/after gauge of the bulk path: one upload of 3,200 lines (800 new
     * persons × 4 sources, then the same again: unchanged) through the service against raw {@code _bulk} of the same
     * source records, 1,000 a request as the service batches.
     */
    @Test
    void oneUploadIsAcceptedWholeAndItsRateIsReportedAgainstRawBulk() {
        ApiClient api = new ApiClient(port);
        StringBuilder upload = new StringBuilder();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            String first17 = String.format("110101197%d%02d%02d%03d", i / 336, 1 + i / 28 % 12, 1 + i % 28, i % 1000);
            String id = first17 + ResidentIdNumber.checkCharacter(first17);
            lines.addAll(sourcesOf(id, i));
        }
        lines.forEach(l -> upload.append(l).append('\n'));
        api.postNdjson("/v1/person-sources:bulk", sourcesOf(idNumber(9, 0), 0).get(0), "DATA_STEWARD"); // warm-up
        long started = System.nanoTime();
        HttpResponse<String> r = api.postNdjson("/v1/person-sources:bulk", upload.toString(), "DATA_STEWARD");
        long service = System.nanoTime() - started;
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(ApiClient.json(r).path("accepted").asInt()).isEqualTo(lines.size());
        started = System.nanoTime();
        HttpResponse<String> again = api.postNdjson("/v1/person-sources:bulk", upload.toString(), "DATA_STEWARD");
        long unchanged = System.nanoTime() - started;
        assertThat(ApiClient.json(again).path("unchanged").asInt()).isEqualTo(lines.size());

        String scratch = "raw-person-sources-" + UUID.randomUUID();
        started = System.nanoTime();
        for (int from = 0; from < lines.size(); from += 1000) {
            StringBuilder body = new StringBuilder();
            for (int i = from; i < Math.min(lines.size(), from + 1000); i++) {
                body.append("{\"index\":{\"_index\":\"").append(scratch).append("\",\"_id\":\"").append(i).append("\"}}\n")
                        .append(lines.get(i)).append('\n');
            }
            es.send("POST", "/_bulk", body.toString().getBytes(StandardCharsets.UTF_8), Map.of());
        }
        long raw = System.nanoTime() - started;
        es.send("DELETE", "/" + scratch, null, Map.of());
        System.out.printf("person-sources:bulk %d lines: new %.0f lines/s, unchanged %.0f lines/s; raw _bulk %.0f lines/s;"
                        + " service ÷ raw %.2f%n", lines.size(), rate(lines.size(), service), rate(lines.size(), unchanged),
                rate(lines.size(), raw), (double) raw / service);
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
