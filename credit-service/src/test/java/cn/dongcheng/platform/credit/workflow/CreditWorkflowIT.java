package cn.dongcheng.platform.credit.workflow;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.elasticsearch.GuardedDocuments;
import cn.dongcheng.platform.common.elasticsearch.Versioned;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.common.problem.ConflictException;
import cn.dongcheng.platform.credit.record.CreditRecordHistory;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.TestIdentityProvider;
import cn.dongcheng.platform.testing.TestIndices;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static cn.dongcheng.platform.testing.ApiClient.json;
import static cn.dongcheng.platform.testing.ProblemAssertions.assertInvalid;
import static cn.dongcheng.platform.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Repair and objection through real HTTP with real tokens against the real node: the enterprise of the ENTERPRISE
 * token (and the citizen of the CITIZEN token) apply about their own records, the CREDIT_OFFICER decides. Dates are
 * relative to the district's today.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CreditWorkflowIT extends ElasticsearchIntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final String OWN = TestIdentityProvider.enterpriseCode();
    static final String NAME = "北京修复示范科技有限公司";
    static final String OTHER = "91110000802100433B";

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail audit;
    @Autowired
    IndexNames names;
    @Autowired
    WorkflowRules rules;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    DocumentPages pages;

    private ApiClient api() {
        return new ApiClient(port);
    }

    /** A general penalty under NDRC Order 36 (minimum 3 months, maximum 1 year) decided on {@code decided}. */
    static String penalty(String sourceId, String uscc, LocalDate decided) {
        return "{\"sourceDepartment\":\"东城区发展改革委\",\"sourceId\":\"" + sourceId + "\",\"uscc\":\"" + uscc + "\",\"subjectName\":\""
                + NAME + "\",\"category\":\"ADMINISTRATIVE_PENALTY\",\"decisionDate\":\"" + decided + "\",\"authority\":\"北京市东城区发展和改革委员会\","
                + "\"severity\":\"GENERAL\",\"regime\":\"GENERAL\",\"amount\":\"5000\"}\n";
    }

    static String recordId(String sourceId) {
        return "东城区发展改革委:" + sourceId;
    }

    private void load(String ndjson) {
        HttpResponse<String> r = api().postNdjson("/v1/records:bulk?refresh=true", ndjson, "CREDIT_OFFICER");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("rejectedCount").asLong()).as(r.body()).isZero();
    }

    /** A penalty past its minimum period, in the public view. */
    private String repairable(String sourceId) {
        load(penalty(sourceId, OWN, TODAY.minusMonths(4)));
        return recordId(sourceId);
    }

    private HttpResponse<String> applyRepair(String recordId, String commitment, String role) {
        return api().postJson("/v1/repairs", "{\"recordId\":\"" + recordId + "\",\"commitment\":\"" + commitment + "\"}", role);
    }

    private HttpResponse<String> object(String recordId, String role) {
        return api().postJson("/v1/objections", "{\"recordId\":\"" + recordId + "\",\"grounds\":\"处罚决定已经复议撤销\"}", role);
    }

    private String applied(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("state").asText()).isEqualTo("APPLIED");
        return json(r).path("applicationId").asText();
    }

    private HttpResponse<String> decide(String kind, String id, String decision, String reason) {
        String body = reason == null ? "{\"decision\":\"" + decision + "\"}" : "{\"decision\":\"" + decision + "\",\"reason\":\"" + reason + "\"}";
        return api().postJson("/v1/" + kind + "/" + id + "/decision", body, "CREDIT_OFFICER");
    }

    /** The record as the public sees it (by name), or null when it is not in the public view. */
    private JsonNode publicRecord(String recordId) {
        HttpResponse<String> r = api().get("/v1/records?size=100&name=" + URLEncoder.encode(NAME, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        for (JsonNode item : json(r).path("items")) {
            if (item.path("recordId").asText().equals(recordId)) {
                return item;
            }
        }
        return null;
    }

    /** The records the enterprise's public grade today counts (its explanation lines). */
    private List<String> gradedRecords() {
        HttpResponse<String> r = api().get("/v1/subjects/" + OWN + "/grade");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).path("dimensions").findValuesAsText("recordId");
    }

    private JsonNode application(String kind, String id) {
        HttpResponse<String> r = api().get("/v1/" + kind + "/" + id, "CREDIT_OFFICER");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    @Test
    void aRepairBeforeTheMinimumPeriodIsRefusedNamingTheDate() {
        LocalDate decided = TODAY.minusMonths(1);
        load(penalty("EARLY-1", OWN, decided));
        HttpResponse<String> r = applyRepair(recordId("EARLY-1"), "已履行处罚决定", "ENTERPRISE");
        JsonNode problem = assertInvalid(r, "recordId");
        assertThat(problem.toString()).contains(decided.plusMonths(3).toString());
        // nothing filed: an objection (which does not wait) is still possible, so no application is open
        applied(object(recordId("EARLY-1"), "ENTERPRISE"));
    }

    @Test
    void anApprovedRepairTakesTheRecordOutOfThePublicViewAndKeepsItsPreviousVersion() {
        String record = repairable("REPAIR-1");
        HttpResponse<String> r = applyRepair(record, "本单位已缴清罚款，承诺依法经营", "ENTERPRISE");
        String id = applied(r);
        assertThat(json(r).path("dueBy").asText()).isEqualTo(rules.dueBy(ApplicationKind.REPAIR, TODAY).toString());
        assertThat(publicRecord(record)).as("still public while undecided").isNotNull();
        assertThat(gradedRecords()).as("the penalty counts in the grade").contains(record);

        HttpResponse<String> decided = decide("repairs", id, "APPROVE", "已履行义务并作出信用承诺");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        assertThat(json(decided).path("state").asText()).isEqualTo("APPROVED");
        assertThat(json(decided).path("reason").asText()).isEqualTo("已履行义务并作出信用承诺");
        assertThat(publicRecord(record)).as("repaired: out of the public view").isNull();
        assertThat(gradedRecords()).as("the grade no longer counts the repaired penalty").doesNotContain(record);

        JsonNode previous = TestIndices.json().get("/" + names.alias(CreditRecordHistory.INDEX.resource()) + "/_doc/"
                + URLEncoder.encode(record + ":v1", StandardCharsets.UTF_8));
        assertThat(previous.path("_source").path("document").path("status").asText()).isEqualTo("PUBLIC");

        assertProblem(decide("repairs", id, "REJECT", "再议"), 409);
        // the department re-delivers its export: the line as first sent does not bring the record back
        HttpResponse<String> again = api().postNdjson("/v1/records:bulk?refresh=true", penalty("REPAIR-1", OWN, TODAY.minusMonths(4)),
                "CREDIT_OFFICER");
        assertThat(json(again).path("unchanged").asLong()).as(again.body()).isEqualTo(1);
        assertThat(publicRecord(record)).as("still repaired").isNull();
        assertThat(TestIndices.auditEntries(audit.alias(), "action", "REPAIR_DECIDE"))
                .anySatisfy(e -> assertThat(e.path("resource").asText()).endsWith(id));
        assertThat(TestIndices.auditEntries(audit.alias(), "action", "REPAIR_APPLY"))
                .anySatisfy(e -> assertThat(e.path("resource").asText()).endsWith(id));
    }

    @Test
    void aRejectionNeedsAReasonAndLeavesTheRecordPublic() {
        String record = repairable("REPAIR-2");
        String id = applied(applyRepair(record, "承诺依法经营", "ENTERPRISE"));
        assertInvalid(decide("repairs", id, "REJECT", null), "reason");
        assertInvalid(decide("repairs", id, "REJECT", "x".repeat(rules.reasonMaxChars() + 1)), "reason");
        assertThat(application("repairs", id).path("state").asText()).as("no state change").isEqualTo("APPLIED");

        HttpResponse<String> r = decide("repairs", id, "REJECT", "罚款尚未缴清");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(application("repairs", id).path("reason").asText()).isEqualTo("罚款尚未缴清");
        assertThat(publicRecord(record).path("status").asText()).isEqualTo("PUBLIC");
        // decided: the subject may apply again
        applied(applyRepair(record, "已缴清罚款", "ENTERPRISE"));
    }

    @Test
    void ofConcurrentDecisionsExactlyOneSucceeds() throws Exception {
        String id = applied(applyRepair(repairable("RACE-1"), "承诺依法经营", "ENTERPRISE"));
        application("repairs", id); // the officer's token verified once before the race, not inside it
        int racers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String decision = i % 2 == 0 ? "APPROVE" : "REJECT";
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return decide("repairs", id, decision, "并发决定").statusCode();
                }, pool));
            }
            start.countDown();
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).sorted().toList();
            assertThat(statuses).containsExactly(200, 409, 409, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(TestIndices.auditEntries(audit.alias(), "outcome", "409"))
                .anySatisfy(e -> assertThat(e.path("action").asText()).isEqualTo("REPAIR_DECIDE"));
    }

    @Test
    void aDecisionWrittenOverAVersionThatChangedMeanwhileIsRefused() {
        String id = applied(applyRepair(repairable("RACE-2"), "承诺依法经营", "ENTERPRISE"));
        ApplicationStore store = new ApplicationStore(new GuardedDocuments(client), pages, names.alias(ApplicationStore.INDEX.resource()));
        // two officers read the open application at the same moment
        Versioned<WorkflowApplication> first = store.get(id).orElseThrow();
        Versioned<WorkflowApplication> second = store.get(id).orElseThrow();
        store.decide(first, first.document().decided(ApplicationState.APPROVED, "2026-01-05T10:00:00+08:00", "officer-1", "符合条件"));
        assertThatThrownBy(() -> store.decide(second, second.document().decided(ApplicationState.REJECTED, "2026-01-05T10:00:01+08:00", "officer-2", "不符合")))
                .isInstanceOf(ConflictException.class);
        assertThat(store.get(id).orElseThrow().document().decidedBy()).isEqualTo("officer-1");
    }

    @Test
    void anObjectedRecordIsMarkedUntilDecided() {
        String record = repairable("OBJ-1");
        String id = applied(object(record, "ENTERPRISE"));
        assertThat(publicRecord(record).path("status").asText()).isEqualTo("UNDER_OBJECTION");
        assertProblem(applyRepair(record, "承诺", "ENTERPRISE"), 409); // one open application per record

        assertThat(decide("objections", id, "REJECT", "处罚决定有效").statusCode()).isEqualTo(200);
        assertThat(publicRecord(record).path("status").asText()).isEqualTo("PUBLIC");

        String upheld = applied(object(record, "ENTERPRISE"));
        assertThat(decide("objections", upheld, "APPROVE", "处罚决定已被复议撤销").statusCode()).isEqualTo(200);
        assertThat(publicRecord(record)).as("revoked: out of the public view").isNull();
    }

    @Test
    void overdueObjectionsAreListedForOfficers() {
        String late = applied(object(repairable("OBJ-LATE"), "ENTERPRISE"));
        String fresh = applied(object(repairable("OBJ-FRESH"), "ENTERPRISE"));
        // filed 40 days ago: its due day, counted as the service counts it, has passed
        LocalDate filed = TODAY.minusDays(40);
        TestIndices.json().send("POST", "/" + names.alias(ApplicationStore.INDEX.resource()) + "/_update/" + late + "?refresh=true",
                Map.of("doc", Map.of("appliedOn", filed.toString(), "dueBy", rules.dueBy(ApplicationKind.OBJECTION, filed).toString())));

        HttpResponse<String> r = api().get("/v1/objections?overdue=true", "CREDIT_OFFICER");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> overdue = json(r).path("items").findValuesAsText("applicationId");
        assertThat(overdue).contains(late).doesNotContain(fresh);
        assertThat(json(r).path("items").get(overdue.indexOf(late)).path("overdue").asBoolean()).isTrue();

        assertThat(decide("objections", late, "REJECT", "处罚决定有效").statusCode()).isEqualTo(200);
        assertThat(json(api().get("/v1/objections?overdue=true", "CREDIT_OFFICER")).path("items").findValuesAsText("applicationId"))
                .as("decided: no longer overdue").doesNotContain(late);
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        assertProblem(applyRepair(recordId("NO-SUCH"), "承诺", "ENTERPRISE"), 404);
        assertInvalid(applyRepair(" ", "承诺", "ENTERPRISE"), "recordId");
        String record = repairable("BAD-1");
        assertInvalid(applyRepair(record, "长".repeat(rules.statementMaxChars() + 1), "ENTERPRISE"), "commitment");
        assertInvalid(api().postJson("/v1/objections", "{\"recordId\":\"" + record + "\"}", "ENTERPRISE"), "grounds");
        assertProblem(decide("repairs", "A0000000000000000-1", "APPROVE", "无此申请"), 404);
        load(penalty("OTHERS-1", OTHER, TODAY.minusMonths(4)));
        assertProblem(applyRepair(recordId("OTHERS-1"), "承诺", "ENTERPRISE"), 403);
        // none of these filed anything: the record is public and a repair can still be applied for
        assertThat(publicRecord(record).path("status").asText()).isEqualTo("PUBLIC");
        applied(applyRepair(record, "承诺依法经营", "ENTERPRISE"));
    }

    @Test
    void aCitizenRepairsTheirOwnRecordWithoutTheirNumberInAnswersOrAudit() {
        String citizen = TestIdentityProvider.citizenIdNumber();
        load("{\"sourceDepartment\":\"东城区发展改革委\",\"sourceId\":\"P-1\",\"idNumber\":\"" + citizen + "\",\"subjectName\":\"张三\","
                + "\"category\":\"ADMINISTRATIVE_PENALTY\",\"decisionDate\":\"" + TODAY.minusMonths(4) + "\",\"authority\":\"北京市东城区发展和改革委员会\","
                + "\"severity\":\"GENERAL\",\"regime\":\"GENERAL\",\"amount\":\"200\"}\n");
        HttpResponse<String> r = applyRepair(recordId("P-1"), "已缴清罚款", "CITIZEN");
        String id = applied(r);
        assertThat(r.body()).doesNotContain(citizen);
        assertThat(application("repairs", id).toString()).doesNotContain(citizen);
        assertThat(TestIndices.auditEntries(audit.alias(), "action", "REPAIR_APPLY"))
                .filteredOn(e -> e.path("resource").asText().endsWith(id)).singleElement()
                .satisfies(e -> {
                    assertThat(e.path("subject").asText()).isNotBlank();
                    assertThat(e.toString()).doesNotContain(citizen);
                });
        assertProblem(applyRepair(repairable("ENT-FOR-CITIZEN"), "承诺", "CITIZEN"), 403);
    }
}
