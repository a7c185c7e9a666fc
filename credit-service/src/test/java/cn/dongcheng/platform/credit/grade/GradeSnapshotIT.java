package cn.dongcheng.platform.credit.grade;

import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;
import cn.dongcheng.platform.credit.record.CreditRecordStore;
import cn.dongcheng.platform.credit.watch.MovableClock;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.TestIdentityProvider;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;
import static cn.dongcheng.platform.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored grades through real HTTP with real tokens against the real node, read back from {@code credit-grades}: a
 * snapshot follows an upload at once (no refresh asked, no read in between), a window's end (the district's clock
 * moved past {@code validUntil}) and a repair approval; the risk classes of a batch come from the snapshots and equal
 * grades freshly computed from the records; a full recomputation rewrites every snapshot.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(GradeSnapshotIT.Clocks.class)
class GradeSnapshotIT extends ElasticsearchIntegrationTest {

    static final String DEPARTMENT = "东城区发展改革委";
    static final String OWN = TestIdentityProvider.enterpriseCode();

    @TestConfiguration
    static class Clocks {
        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MovableClock clock;
    @Autowired
    DocumentPages pages;
    @Autowired
    GradeSnapshots snapshots;
    @Autowired
    CreditRecordStore records;
    @Autowired
    Grades grades;
    @Autowired
    ElasticsearchClient client;

    @AfterEach
    void backToNow() {
        clock.setTo(LocalDateTime.now(Clock.system(MovableClock.BEIJING)));
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    static String code(String organisationBody) {
        String first17 = "91110101" + organisationBody + UnifiedSocialCreditCode.organisationCheckCharacter(organisationBody);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    static String record(String sourceId, String uscc, String fields) {
        return "{\"sourceDepartment\":\"" + DEPARTMENT + "\",\"sourceId\":\"" + sourceId + "\",\"uscc\":\"" + uscc
                + "\",\"subjectName\":\"北京快照测试有限公司\",\"authority\":\"北京市东城区发展和改革委员会\"," + fields + "}\n";
    }

    static String penalty(String sourceId, String uscc, String severity, LocalDate decided) {
        return record(sourceId, uscc, "\"category\":\"ADMINISTRATIVE_PENALTY\",\"decisionDate\":\"" + decided + "\",\"severity\":\""
                + severity + "\",\"regime\":\"GENERAL\"");
    }

    /** Loads without asking for a refresh: the snapshot must not depend on the upload being searchable yet. */
    private void load(String ndjson) {
        HttpResponse<String> r = api().postNdjson("/v1/records:bulk", ndjson, "CREDIT_OFFICER");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("rejectedCount").asLong()).as(r.body()).isZero();
    }

    private GradeSnapshot stored(String uscc) {
        return pages.get(snapshots.alias(), uscc, GradeSnapshot.class).orElse(null);
    }

    private JsonNode grade(String uscc) {
        HttpResponse<String> r = api().get("/v1/subjects/" + uscc + "/grade");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    /** The grades the scorecard gives today from the records as stored, read independently of the snapshots. */
    private Map<String, Grade> freshlyComputed(List<String> codes) {
        call(() -> client.indices().refresh(r -> r.index(records.alias())));
        Map<String, List<CreditRecordDocument>> bySubject = new HashMap<>();
        Query query = Query.of(q -> q.terms(t -> t.field("uscc").terms(v -> v.value(codes.stream().map(FieldValue::of).toList()))));
        pages.scan(records.alias(), query, null, 500, CreditRecordDocument.class,
                batch -> batch.forEach(r -> bySubject.computeIfAbsent(r.uscc(), k -> new ArrayList<>()).add(r)));
        Map<String, Grade> fresh = new HashMap<>();
        codes.forEach(c -> fresh.put(c, grades.ofRecords(bySubject.getOrDefault(c, List.of()), today())));
        return fresh;
    }

    @Test
    void aSnapshotIsStoredWithTheUploadAndChangesWhenARecordIsAdded() {
        String subject = code("MA03GRD1");
        load(record("S-RED", subject, "\"category\":\"RED_LIST\",\"decisionDate\":\"" + today().minusMonths(1) + "\""));
        GradeSnapshot first = stored(subject);
        assertThat(first).as("stored by the upload, before anyone read the grade").isNotNull();
        assertThat(first.score()).isEqualTo(860); // baseline 800, red list +50 +10
        assertThat(first.recordsInForce()).isEqualTo(1);
        assertThat(first.asOf()).isEqualTo(today());
        assertThat(first.ruleVersion()).isEqualTo("scorecard-v1");
        assertThat(first.points().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(860);

        load(penalty("S-PEN", subject, "GENERAL", today().minusMonths(2)));
        GradeSnapshot second = stored(subject);
        assertThat(second.score()).as("the penalty counts at once").isEqualTo(800);
        assertThat(second.recordsInForce()).isEqualTo(2);
        assertThat(second.dimensions().stream().flatMap(d -> d.lines().stream()).map(Grade.Line::recordId))
                .contains(DEPARTMENT + ":S-PEN", DEPARTMENT + ":S-RED");
        JsonNode read = grade(subject);
        assertThat(read.path("score").asInt()).isEqualTo(800);
        assertThat(read.path("dimensions").findValuesAsText("recordId")).contains(DEPARTMENT + ":S-PEN");
    }

    @Test
    void whenAWindowEndsTheGradeOfThatDayIsRecomputedAndStored() {
        String subject = code("MA03GRD2");
        LocalDate decided = today().minusMonths(1);
        load(penalty("W-MINOR", subject, "MINOR", decided)); // public for 3 months
        GradeSnapshot before = stored(subject);
        assertThat(before.score()).isEqualTo(780);
        assertThat(before.validUntil()).as("the window's end").isEqualTo(decided.plusMonths(3));

        clock.setTo(before.validUntil().minusDays(1).atTime(23, 0));
        assertThat(grade(subject).path("score").asInt()).as("the last day of the window").isEqualTo(780);
        clock.setTo(before.validUntil().atTime(0, 1));
        JsonNode after = grade(subject);
        assertThat(after.path("score").asInt()).as("gone at midnight, nobody touched the record").isEqualTo(800);
        assertThat(after.path("asOf").asText()).isEqualTo(before.validUntil().toString());
        GradeSnapshot restored = stored(subject);
        assertThat(restored.asOf()).isEqualTo(before.validUntil());
        assertThat(restored.score()).isEqualTo(800);
        assertThat(restored.validUntil()).as("nothing ahead").isNull();

        HttpResponse<String> batch = api().postJson("/v1/risk-classes:batch", "{\"codes\":[\"" + subject + "\"]}", "REGULATOR");
        assertThat(json(batch).path("results").get(0).path("score").asInt()).isEqualTo(800);
    }

    @Test
    void anApprovedRepairRecomputesTheSnapshot() {
        load(penalty("R-GENERAL", OWN, "GENERAL", today().minusMonths(4)));
        GradeSnapshot before = stored(OWN);
        assertThat(before.dimensions().stream().flatMap(d -> d.lines().stream()).map(Grade.Line::recordId)).contains(DEPARTMENT + ":R-GENERAL");
        HttpResponse<String> applied = api().postJson("/v1/repairs", "{\"recordId\":\"" + DEPARTMENT + ":R-GENERAL\",\"commitment\":\"已缴清罚款，承诺依法经营\"}",
                "ENTERPRISE");
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        HttpResponse<String> decided = api().postJson("/v1/repairs/" + json(applied).path("applicationId").asText() + "/decision",
                "{\"decision\":\"APPROVE\",\"reason\":\"已履行义务并作出信用承诺\"}", "CREDIT_OFFICER");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);

        GradeSnapshot after = stored(OWN);
        assertThat(after.dimensions().stream().flatMap(d -> d.lines().stream()).map(Grade.Line::recordId))
                .doesNotContain(DEPARTMENT + ":R-GENERAL");
        assertThat(after.score()).isEqualTo(before.score() + 60);
        assertThat(after.recordsInForce()).isEqualTo(before.recordsInForce() - 1);
    }

    @Test
    void riskClassesOfABatchComeFromTheSnapshotsAndEqualFreshlyComputedGrades() {
        List<String> codes = List.of(code("MA03GRD3"), code("MA03GRD4"), code("MA03GRD5"), code("MA03GRD6"));
        String unknown = code("MA03GRD7");
        load(penalty("B-SERIOUS", codes.get(0), "SERIOUS", today().minusMonths(5))
                + record("B-LIST", codes.get(1), "\"category\":\"SERIOUS_DISHONESTY_LIST\",\"decisionDate\":\"" + today().minusYears(1) + "\"")
                + record("B-RED", codes.get(2), "\"category\":\"RED_LIST\",\"decisionDate\":\"" + today().minusMonths(3) + "\"")
                + penalty("B-MINOR", codes.get(2), "MINOR", today().minusMonths(1))
                + record("B-ABN", codes.get(3), "\"category\":\"ABNORMAL_OPERATIONS\",\"decisionDate\":\"" + today().minusMonths(7) + "\"")
                + penalty("B-OLD", codes.get(3), "MINOR", today().minusYears(2)));
        // a stored snapshot is what the batch answers: one altered in place shows through
        GradeSnapshot real = stored(codes.get(3));
        overwrite(new GradeSnapshot(real.uscc(), 123, CreditGrade.D, RiskClass.D, real.ruleVersion(), real.asOf(), real.validUntil(), 9,
                real.points(), real.dimensions(), real.limits(), real.computedAt()));
        List<String> asked = new ArrayList<>(codes);
        asked.add(unknown);
        JsonNode altered = riskClasses(asked);
        assertThat(altered.path("results").get(3).path("score").asInt()).isEqualTo(123);

        snapshots.recompute(List.of(real.uscc()), today()); // and recomputed, it is the real one again
        Map<String, Grade> fresh = freshlyComputed(asked);
        JsonNode answer = riskClasses(asked);
        assertThat(answer.path("asOf").asText()).isEqualTo(today().toString());
        for (int i = 0; i < asked.size(); i++) {
            JsonNode result = answer.path("results").get(i);
            Grade expected = fresh.get(asked.get(i));
            assertThat(result.path("uscc").asText()).isEqualTo(asked.get(i));
            assertThat(result.path("score").asInt()).as(asked.get(i)).isEqualTo(expected.score());
            assertThat(result.path("grade").asText()).as(asked.get(i)).isEqualTo(expected.grade().name());
            assertThat(result.path("riskClass").asText()).as(asked.get(i)).isEqualTo(expected.riskClass().name());
            assertThat(result.path("recordsInForce").asInt()).as(asked.get(i)).isEqualTo(expected.recordsInForce());
        }
        assertThat(answer.path("results").get(1).path("riskClass").asText()).as("the serious list bounds the class").isEqualTo("D");
        assertThat(answer.path("results").get(4).path("recordsInForce").asInt()).as("unknown: the baseline").isZero();
        assertThat(stored(unknown)).as("no snapshot for a code without records").isNull();

        // a subject with records whose snapshot is gone is recomputed in the batch, not taken for one without records
        call(() -> client.delete(d -> d.index(snapshots.alias()).id(codes.get(1)).refresh(Refresh.True)));
        JsonNode again = riskClasses(asked);
        assertThat(again.path("results").get(1).path("riskClass").asText()).isEqualTo("D");
        assertThat(again.path("results").get(1).path("score").asInt()).isEqualTo(fresh.get(codes.get(1)).score());
    }

    @Test
    void aFullRecomputationRewritesEverySnapshotAndReportsItsProgress() {
        String subject = code("MA03GRD8");
        load(record("F-RED", subject, "\"category\":\"RED_LIST\",\"decisionDate\":\"" + today().minusMonths(1) + "\""));
        GradeSnapshot real = stored(subject);
        overwrite(new GradeSnapshot(subject, 123, CreditGrade.D, RiskClass.D, "scorecard-v0", real.asOf(), null, 9, real.points(),
                real.dimensions(), real.limits(), real.computedAt()));

        HttpResponse<String> started = api().postJson("/v1/grade-recomputations", "{}", "CREDIT_OFFICER");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = json(started).path("recomputationId").asText();
        JsonNode status = json(started);
        for (int i = 0; i < 100 && status.path("state").asText().equals("RUNNING"); i++) {
            sleep();
            status = json(api().get("/v1/grade-recomputations/" + id, "ADMINISTRATOR"));
        }
        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("DONE");
        assertThat(status.path("subjects").asLong()).isPositive();
        assertThat(stored(subject).score()).isEqualTo(860);
        assertThat(stored(subject).ruleVersion()).isEqualTo("scorecard-v1");
        assertThat(api().get("/v1/grade-recomputations/grades-0", "ADMINISTRATOR").statusCode()).isEqualTo(404);
    }

    /** Replaces a stored snapshot by another under the same version (as a computation from the same records would). */
    private void overwrite(GradeSnapshot snapshot) {
        long version = call(() -> client.get(g -> g.index(snapshots.alias()).id(snapshot.uscc()), GradeSnapshot.class)).version();
        call(() -> client.index(i -> i.index(snapshots.alias()).id(snapshot.uscc()).document(snapshot).version(version)
                .versionType(VersionType.ExternalGte).refresh(Refresh.True)));
    }

    private JsonNode riskClasses(List<String> codes) {
        HttpResponse<String> r = api().postJson("/v1/risk-classes:batch", "{\"codes\":[\"" + String.join("\",\"", codes) + "\"]}", "REGULATOR");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
