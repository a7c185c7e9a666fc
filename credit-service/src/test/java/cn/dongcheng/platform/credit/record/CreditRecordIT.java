package cn.dongcheng.platform.credit.record;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.TestIdentityProvider;
import cn.dongcheng.platform.testing.TestIndices;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.dongcheng.platform.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credit records through real HTTP with real tokens against the real node: publication windows against today's
 * district date, repair and revocation, idempotent re-delivery with history, natural persons masked by role and
 * audited, and bad lines rejected whole.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CreditRecordIT extends ElasticsearchIntegrationTest {

    static final String WINDOWS = code("MA01QUHL");

    /** A valid code (both check characters) for a test's own entity. */
    static String code(String organisationBody) {
        String first17 = "91110101" + organisationBody + UnifiedSocialCreditCode.organisationCheckCharacter(organisationBody);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @LocalServerPort
    int port;
    @Autowired
    CreditRecordStore store;
    @Autowired
    AuditTrail audit;

    private ApiClient api() {
        return new ApiClient(port);
    }

    static String line(String sourceId, String subject, String fields) {
        return "{\"sourceDepartment\":\"东城区市场监管局\",\"sourceId\":\"" + sourceId + "\"," + subject + "," + fields + "}\n";
    }

    static String company(String uscc, String name) {
        return "\"uscc\":\"" + uscc + "\",\"subjectName\":\"" + name + "\"";
    }

    /** A minor penalty under NDRC Order 36 is public for 3 months: the decision date whose window ends on {@code end}. */
    static String minorPenaltyEnding(String sourceId, String subject, LocalDate end) {
        LocalDate decided = end.minusMonths(3);
        while (!decided.plusMonths(3).equals(end)) {
            decided = decided.minusDays(1); // month ends: 31 May + 3 months is 31 Aug, 30 Nov − 3 months is 30 Aug
        }
        return line(sourceId, subject, "\"category\":\"ADMINISTRATIVE_PENALTY\",\"decisionDate\":\"" + decided
                + "\",\"authority\":\"北京市东城区市场监督管理局\",\"severity\":\"MINOR\",\"regime\":\"GENERAL\",\"amount\":\"500\"");
    }

    private JsonNode bulk(String ndjson) {
        HttpResponse<String> r = api().postNdjson("/v1/records:bulk?refresh=true", ndjson, "CREDIT_OFFICER");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private List<String> publicSourceIds(String name) {
        HttpResponse<String> r = api().get("/v1/records?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).path("items").findValuesAsText("sourceId");
    }

    @Test
    void aRecordLeavesThePublicViewOnItsEndDateAndOnRevocationOrRepair() {
        String subject = company(WINDOWS, "北京窗口测试科技有限公司");
        JsonNode report = bulk(minorPenaltyEnding("W-YESTERDAY", subject, TODAY.minusDays(1))
                + minorPenaltyEnding("W-TODAY", subject, TODAY)
                + minorPenaltyEnding("W-TOMORROW", subject, TODAY.plusDays(1))
                + minorPenaltyEnding("W-REVOKED", subject, TODAY.plusDays(10))
                + line("W-LIST", subject, "\"category\":\"ABNORMAL_OPERATIONS\",\"decisionDate\":\"2025-06-03\","
                + "\"authority\":\"北京市东城区市场监督管理局\""));
        assertThat(report.path("accepted").asInt()).as(report.toString()).isEqualTo(5);

        // Chinese substring of the name, as the directory searches it
        assertThat(publicSourceIds("窗口测试")).containsExactlyInAnyOrder("W-TOMORROW", "W-REVOKED", "W-LIST");

        JsonNode shown = json(api().get("/v1/records?name=" + URLEncoder.encode("窗口测试", StandardCharsets.UTF_8)))
                .path("items").findParents("sourceId").stream().filter(n -> n.path("sourceId").asText().equals("W-TOMORROW"))
                .findFirst().orElseThrow();
        assertThat(shown.path("publication").path("latestEnd").asText()).isEqualTo(TODAY.plusDays(1).toString());
        assertThat(shown.path("publication").path("ruleVersion").asText()).isEqualTo("publication-rules-v1");
        assertThat(shown.path("publication").path("basis").asText()).isEqualTo("NDRC_ORDER_36 MINOR");
        assertThat(shown.path("amount").decimalValue()).isEqualByComparingTo("500");

        // the decision is revoked, the list entry ends: both leave the public view at once
        bulk(minorPenaltyEnding("W-REVOKED", subject, TODAY.plusDays(10)).replace("\"amount\":\"500\"",
                "\"amount\":\"500\",\"status\":\"REVOKED\",\"statusDate\":\"" + TODAY + "\"")
                + line("W-LIST", subject, "\"category\":\"ABNORMAL_OPERATIONS\",\"decisionDate\":\"2025-06-03\","
                + "\"authority\":\"北京市东城区市场监督管理局\",\"exitDate\":\"" + TODAY + "\""));
        assertThat(publicSourceIds("窗口测试")).containsExactly("W-TOMORROW");
    }

    @Test
    void theSameLineTwiceIsStoredOnceAndAChangeKeepsThePreviousVersion() throws Exception {
        String subject = company(code("MA01QUHM"), "北京幂等测试有限公司");
        String first = line("I-1", subject, "\"category\":\"RED_LIST\",\"decisionDate\":\"2025-05-06\",\"authority\":\"东城区税务局\","
                + "\"summary\":\"纳税信用A级\"");
        assertThat(bulk(first).path("accepted").asInt()).isEqualTo(1);
        JsonNode again = bulk(first);
        assertThat(again.path("accepted").asInt()).isEqualTo(1);
        assertThat(again.path("unchanged").asInt()).isEqualTo(1);
        assertThat(count(store.alias(), "sourceId", "I-1")).isEqualTo(1);
        assertThat(count(historyAlias(), "id", "东城区市场监管局:I-1")).isZero();

        bulk(first.replace("纳税信用A级", "纳税信用A级（复核）"));
        assertThat(count(store.alias(), "sourceId", "I-1")).isEqualTo(1);
        SearchResponse<Map> history = TestIndices.client().search(s -> s.index(historyAlias())
                .query(q -> q.term(t -> t.field("id").value("东城区市场监管局:I-1"))), Map.class);
        assertThat(history.hits().hits()).singleElement().satisfies(h -> {
            assertThat(h.source().get("version")).isEqualTo(1);
            assertThat(((Map<?, ?>) h.source().get("document")).get("summary")).isEqualTo("纳税信用A级");
        });
        JsonNode current = json(api().get("/v1/records?name=" + URLEncoder.encode("幂等测试", StandardCharsets.UTF_8))).path("items").get(0);
        assertThat(current.path("summary").asText()).isEqualTo("纳税信用A级（复核）");
        assertThat(current.path("version").asInt()).isEqualTo(2);
    }

    @Test
    void aNaturalPersonIsFoundOnlyByNameAndIdMaskedByRoleAndEveryReadIsAudited() {
        String id = TestIdentityProvider.citizenIdNumber();
        String person = "\"idNumber\":\"" + id + "\",\"subjectName\":\"李四\"";
        bulk(minorPenaltyEnding("P-OLD", person, TODAY.minusDays(1))
                + line("P-NOW", person, "\"category\":\"DISHONEST_JUDGMENT_DEBTOR\",\"decisionDate\":\"2025-03-03\","
                + "\"authority\":\"北京市东城区人民法院\""));
        String body = "{\"name\":\"李四\",\"idNumber\":\"" + id + "\"}";

        HttpResponse<String> publicView = api().postJson("/v1/persons:lookup", body, null);
        assertThat(publicView.statusCode()).as(publicView.body()).isEqualTo(200);
        JsonNode masked = json(publicView);
        assertThat(masked.path("idNumber").asText()).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
        assertThat(masked.path("name").asText()).isEqualTo("李*");
        assertThat(masked.path("records").path("items")).singleElement().satisfies(r -> {
            assertThat(r.path("sourceId").asText()).isEqualTo("P-NOW");
            assertThat(r.path("idNumber").asText()).contains("*");
            assertThat(r.path("subjectName").asText()).isEqualTo("李*");
        });
        assertThat(publicView.body()).doesNotContain(id).doesNotContain("李四");

        // a wrong name finds nothing: no fuzzy match, and no hint whether the number exists
        JsonNode wrongName = json(api().postJson("/v1/persons:lookup", "{\"name\":\"李\",\"idNumber\":\"" + id + "\"}", null));
        assertThat(wrongName.path("records").path("items")).isEmpty();

        JsonNode officer = json(api().postJson("/v1/persons:lookup", body, "CREDIT_OFFICER"));
        assertThat(officer.path("idNumber").asText()).isEqualTo(id);
        assertThat(officer.path("records").path("items")).hasSize(1);

        // the person signed in sees everything, the expired penalty too
        JsonNode own = json(api().postJson("/v1/persons:lookup", body, "CITIZEN"));
        assertThat(own.path("fullRecord").asBoolean()).isTrue();
        assertThat(own.path("records").path("items")).extracting(n -> n.path("status").asText()).contains("EXPIRED", "PUBLIC");
        JsonNode me = json(api().get("/v1/persons/me", "CITIZEN"));
        assertThat(me.path("name").asText()).isEqualTo("李四");
        assertThat(me.path("records").path("items")).hasSize(2);

        HttpResponse<String> audited = api().postJson("/v1/persons:lookup", body, "STATISTICIAN");
        String requestId = audited.headers().firstValue("X-Request-Id").orElseThrow();
        List<JsonNode> entries = TestIndices.auditEntries(audit.alias(), "requestId", requestId);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.path("action").asText()).isEqualTo("READ_PERSON_MASKED");
            assertThat(e.path("subject").asText()).isNotBlank();
            assertThat(e.toString()).doesNotContain(id);
        });
    }

    @Test
    void badLinesAreRejectedWholeNamingTheFieldAndBadLookUpsAreProblems() {
        String valid = code("MA01QUHN");
        String subject = company(valid, "北京坏行测试有限公司");
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        JsonNode report = bulk(line("B-1", "\"uscc\":\"" + wrongCheck + "\"", "\"category\":\"RED_LIST\",\"decisionDate\":\"2025-01-06\",\"authority\":\"x\"")
                + line("B-2", subject, "\"category\":\"GOLD_STAR\",\"decisionDate\":\"2025-01-06\",\"authority\":\"x\"")
                + line("B-3", subject, "\"category\":\"ADMINISTRATIVE_PENALTY\",\"decisionDate\":\"2025-01-06\",\"authority\":\"x\","
                + "\"severity\":\"HUGE\",\"regime\":\"GENERAL\"")
                + line("B-4", subject, "\"category\":\"ADMINISTRATIVE_PENALTY\",\"decisionDate\":\"2025-01-06\",\"authority\":\"x\","
                + "\"severity\":\"SERIOUS\",\"regime\":\"GENERAL\",\"publicationEnd\":\"2024-12-31\""));
        assertThat(report.path("accepted").asInt()).isZero();
        Map<String, String> reasons = new HashMap<>();
        report.path("rejected").forEach(r -> reasons.put(r.path("id").asText(), r.path("reason").asText()));
        assertThat(reasons.get("东城区市场监管局:B-1")).contains("uscc").contains("check");
        assertThat(reasons.get("东城区市场监管局:B-2")).contains("category").contains("GOLD_STAR");
        assertThat(reasons.get("东城区市场监管局:B-3")).contains("severity").contains("HUGE");
        assertThat(reasons.get("东城区市场监管局:B-4")).contains("publicationEnd");
        assertThat(count(store.alias(), "sourceDepartment", "东城区市场监管局", "sourceId", List.of("B-1", "B-2", "B-3", "B-4"))).isZero();

        HttpResponse<String> badId = api().postJson("/v1/persons:lookup", "{\"name\":\"李四\",\"idNumber\":\"110105194912310021\"}", null);
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(badId).path("errors").get(0).path("field").asText()).isEqualTo("idNumber");
        assertThat(json(badId).path("errors").get(0).path("reason").asText()).contains("check character");
        HttpResponse<String> noName = api().postJson("/v1/persons:lookup", "{\"idNumber\":\"" + TestIdentityProvider.citizenIdNumber() + "\"}", null);
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(json(noName).path("errors").get(0).path("field").asText()).isEqualTo("name");
        assertThat(api().get("/v1/records?name=%20").statusCode()).isEqualTo(400);
    }

    private String historyAlias() {
        return store.alias().replace("-records", "-record-history");
    }

    private static long count(String index, String field, String value) {
        try {
            return TestIndices.client().count(c -> c.index(index).query(q -> q.term(t -> t.field(field).value(value)))).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(String index, String field, String value, String idsField, List<String> ids) {
        try {
            return TestIndices.client().count(c -> c.index(index).query(q -> q.bool(b -> b
                    .filter(f -> f.term(t -> t.field(field).value(value)))
                    .filter(f -> f.terms(t -> t.field(idsField).terms(v -> v.value(ids.stream()
                            .map(FieldValue::of).toList()))))))).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
