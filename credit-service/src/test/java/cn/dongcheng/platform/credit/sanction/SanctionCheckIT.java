package cn.dongcheng.platform.credit.sanction;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;
import cn.dongcheng.platform.credit.record.CreditRecordStore;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.TestIndices;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static cn.dongcheng.platform.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sanctions check through real HTTP with real tokens against the real node, against hits computed by hand: a
 * clean company, one on two lists, one whose entry exited, one whose publication ended, a judgment debtor (a natural
 * person) and a company whose entry was repaired today (a hit only as of yesterday).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SanctionCheckIT extends ElasticsearchIntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final String CLEAN = code("MA02CK01");
    static final String TWO_LISTS = code("MA02CK02");
    static final String EXITED = code("MA02CK03");
    static final String ENDED = code("MA02CK04");
    static final String REPAIRED_TODAY = code("MA02CK05");
    static final String DEBTOR = person("11010119800307123");
    static final String CLEAN_PERSON = person("11010119900511456");

    @LocalServerPort
    int port;
    @Autowired
    CreditRecordStore store;
    @Autowired
    AuditTrail audit;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    DocumentPages pages;

    static String code(String organisationBody) {
        String first17 = "91110101" + organisationBody + UnifiedSocialCreditCode.organisationCheckCharacter(organisationBody);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    static String person(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    static String entry(String sourceId, String subject, String category, String extra) {
        return "{\"sourceDepartment\":\"东城区市场监管局\",\"sourceId\":\"" + sourceId + "\"," + subject + ",\"category\":\""
                + category + "\",\"decisionNumber\":\"京东市监〔2025〕" + sourceId + "号\",\"decisionDate\":\"2025-06-03\","
                + "\"authority\":\"北京市东城区市场监督管理局\"" + extra + "}\n";
    }

    static String company(String uscc) {
        return "\"uscc\":\"" + uscc + "\",\"subjectName\":\"北京核查" + uscc.substring(10, 14) + "有限公司\"";
    }

    @BeforeAll
    void records() {
        String ndjson = entry("S-1", company(TWO_LISTS), "SERIOUS_DISHONESTY_LIST", "")
                + entry("S-2", company(TWO_LISTS), "ABNORMAL_OPERATIONS", "")
                // not a list: never a hit
                + entry("S-3", company(CLEAN), "RED_LIST", "")
                // exited today although the decision set a later end of publication: the exit counts
                + entry("S-4", company(EXITED), "ABNORMAL_OPERATIONS", ",\"exitDate\":\"" + TODAY + "\",\"publicationEnd\":\""
                + TODAY.plusYears(1) + "\"")
                + entry("S-5", company(ENDED), "SERIOUS_DISHONESTY_LIST", ",\"publicationEnd\":\"" + TODAY + "\"")
                + entry("S-6", company(REPAIRED_TODAY), "ABNORMAL_OPERATIONS", ",\"status\":\"REPAIRED\",\"statusDate\":\"" + TODAY + "\"")
                + entry("S-7", "\"idNumber\":\"" + DEBTOR + "\",\"subjectName\":\"王五\"", "DISHONEST_JUDGMENT_DEBTOR", "");
        HttpResponse<String> r = api().postNdjson("/v1/records:bulk?refresh=true", ndjson, "CREDIT_OFFICER");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("accepted").asInt()).as(r.body()).isEqualTo(7);
    }

    static String body(String scenario, String asOf, String... subjects) {
        String list = Arrays.stream(subjects).map(s -> s.length() == 18 && s.chars().limit(17).allMatch(Character::isDigit)
                ? "{\"idNumber\":\"" + s + "\"}" : "{\"uscc\":\"" + s + "\"}").collect(Collectors.joining(","));
        return "{\"scenario\":\"" + scenario + "\"," + (asOf == null ? "" : "\"asOf\":\"" + asOf + "\",") + "\"subjects\":[" + list + "]}";
    }

    private JsonNode check(String body, String role) {
        HttpResponse<String> r = api().postJson("/v1/sanction-checks", body, role);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private static List<String> lists(JsonNode result) {
        return result.path("lists").findValuesAsText("list");
    }

    @Test
    void hitsAreTheListEntriesInForceTodayComputedByHand() {
        JsonNode answer = check(body("GOVERNMENT_PROCUREMENT", null, CLEAN, TWO_LISTS, EXITED, ENDED, REPAIRED_TODAY, DEBTOR,
                CLEAN_PERSON), "CREDIT_OFFICER");
        assertThat(answer.path("ruleVersion").asText()).isEqualTo("sanction-measures-v1");
        assertThat(answer.path("asOf").asText()).isEqualTo(TODAY.toString());
        assertThat(answer.path("checkedAt").asText()).isNotBlank();
        assertThat(answer.path("subjects").asInt()).isEqualTo(7);
        assertThat(answer.path("hits").asInt()).isEqualTo(2);
        JsonNode results = answer.path("results");
        assertThat(results.findValuesAsText("hit")).containsExactly("false", "true", "false", "false", "false", "true", "false");
        assertThat(lists(results.get(1))).containsExactly("SERIOUS_DISHONESTY_LIST", "ABNORMAL_OPERATIONS");
        assertThat(results.get(1).path("name").asText()).isEqualTo("北京核查" + TWO_LISTS.substring(10, 14) + "有限公司");
        assertThat(results.get(1).path("lists").get(0).path("recordId").asText()).isEqualTo("东城区市场监管局:S-1");
        assertThat(results.get(1).path("measures").findValuesAsText("list")).containsExactly("SERIOUS_DISHONESTY_LIST", "ABNORMAL_OPERATIONS");
        assertThat(results.get(1).path("measures").get(1).path("legalBasis").get(0).path("number").asText()).isEqualTo("第十八条");
        assertThat(lists(results.get(5))).containsExactly("DISHONEST_JUDGMENT_DEBTOR");
        assertThat(results.get(5).path("idNumber").asText()).isEqualTo(DEBTOR);
        assertThat(results.get(5).path("name").asText()).isEqualTo("王五");
        assertThat(results.get(5).path("measures").get(0).path("effect").asText()).isEqualTo("EXCLUDE");
        assertThat(results.get(5).path("measures").get(0).path("legalBasis").findValuesAsText("number"))
                .containsExactly("财库〔2016〕125号", "发改财金〔2016〕141号");
        assertThat(results.get(6).path("lists")).isEmpty();

        // as of yesterday the exited, ended and repaired entries were still in force
        JsonNode yesterday = check(body("GOVERNMENT_PROCUREMENT", TODAY.minusDays(1).toString(), EXITED, ENDED, REPAIRED_TODAY),
                "REGULATOR").path("results");
        assertThat(yesterday.findValuesAsText("hit")).containsExactly("true", "true", "true");
        assertThat(yesterday.get(2).path("lists").get(0).path("status").asText()).isEqualTo("PUBLIC");
        assertThat(yesterday.get(1).path("lists").get(0).path("until").asText()).isEqualTo(TODAY.toString());
        // and before their decision nobody was listed
        assertThat(check(body("GOVERNMENT_PROCUREMENT", "2025-06-02", TWO_LISTS), "REGULATOR").path("hits").asInt()).isZero();
    }

    @Test
    void theMeasuresDependOnTheScenario() {
        JsonNode office = check(body("PUBLIC_OFFICE", null, TWO_LISTS, DEBTOR), "CREDIT_OFFICER").path("results");
        // a company on two lists is a hit, but no measure of public office applies to a company
        assertThat(office.get(0).path("hit").asBoolean()).isTrue();
        assertThat(office.get(0).path("measures")).isEmpty();
        assertThat(office.get(1).path("measures")).singleElement().satisfies(m -> {
            assertThat(m.path("measure").asText()).isEqualTo("不得录用为公务员");
            assertThat(m.path("legalBasis").get(0).path("document").asText()).contains("公务员法");
        });
        JsonNode subsidy = check(body("FISCAL_SUBSIDY", null, TWO_LISTS), "CREDIT_OFFICER").path("results").get(0);
        // the abnormal-operations list has no subsidy measure in v1
        assertThat(subsidy.path("measures").findValuesAsText("list")).containsExactly("SERIOUS_DISHONESTY_LIST");
        JsonNode honours = check(body("HONOURS", null, TWO_LISTS), "CREDIT_OFFICER").path("results").get(0);
        assertThat(honours.path("measures").findValuesAsText("effect")).containsExactly("EXCLUDE", "RESTRICT");
    }

    @Test
    void aDepartmentsServiceSeesPersonsMaskedAndEveryPersonIsAuditedOnceUnderAPseudonym() {
        HttpResponse<String> r = api().postJson("/v1/sanction-checks",
                body("PUBLIC_BIDDING", null, DEBTOR, CLEAN_PERSON, DEBTOR, TWO_LISTS), "SERVICE");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode results = json(r).path("results");
        assertThat(results.get(0).path("idNumber").asText()).isEqualTo(DEBTOR.substring(0, 6) + "********" + DEBTOR.substring(14));
        assertThat(results.get(0).path("name").asText()).isEqualTo("王*");
        assertThat(results.get(0).path("masked").asBoolean()).isTrue();
        assertThat(results.get(0).path("hit").asBoolean()).isTrue();
        assertThat(results.get(1).path("masked").asBoolean()).isTrue();
        assertThat(r.body()).doesNotContain(DEBTOR).doesNotContain(CLEAN_PERSON).doesNotContain("王五");

        List<JsonNode> entries = TestIndices.auditEntries(audit.alias(), "requestId", r.headers().firstValue("X-Request-Id").orElseThrow());
        // two distinct persons (one sent twice), the company not at all
        assertThat(entries).hasSize(2).allSatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("READ_PERSON_MASKED");
            assertThat(e.path("detail").asText()).contains("PUBLIC_BIDDING");
            assertThat(e.toString()).doesNotContain(DEBTOR).doesNotContain(CLEAN_PERSON);
        });
        assertThat(entries.stream().map(e -> e.path("subject").asText()).collect(Collectors.toSet())).hasSize(2);

        HttpResponse<String> companies = api().postJson("/v1/sanction-checks", body("PUBLIC_BIDDING", null, TWO_LISTS, CLEAN), "SERVICE");
        assertThat(TestIndices.auditEntries(audit.alias(), "requestId", companies.headers().firstValue("X-Request-Id").orElseThrow())).isEmpty();
    }

    @Test
    void moreThanTenThousandSubjectsIs413AndBadInputIs400NamingTheSubject() {
        String tooMany = body("HONOURS", null, IntStream.range(0, SanctionCheck.MAX_SUBJECTS + 1).mapToObj(i -> CLEAN).toArray(String[]::new));
        HttpResponse<String> large = api().postJson("/v1/sanction-checks", tooMany, "CREDIT_OFFICER");
        assertThat(large.statusCode()).as(large.body()).isEqualTo(413);
        assertThat(large.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(large).path("detail").asText()).contains("10000");

        // exactly 10,000 is fine
        String most = body("HONOURS", null, IntStream.range(0, SanctionCheck.MAX_SUBJECTS).mapToObj(i -> i % 2 == 0 ? CLEAN : TWO_LISTS)
                .toArray(String[]::new));
        assertThat(check(most, "CREDIT_OFFICER").path("hits").asInt()).isEqualTo(SanctionCheck.MAX_SUBJECTS / 2);

        String wrongCheck = CLEAN.substring(0, 17) + (CLEAN.charAt(17) == '0' ? '1' : '0');
        HttpResponse<String> bad = api().postJson("/v1/sanction-checks", body("HONOURS", null, CLEAN, DEBTOR, wrongCheck), "CREDIT_OFFICER");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).path("errors")).singleElement().satisfies(e -> {
            assertThat(e.path("field").asText()).isEqualTo("subjects[2].uscc");
            assertThat(e.path("reason").asText()).contains("check character");
        });
        String badId = DEBTOR.substring(0, 17) + (DEBTOR.charAt(17) == '0' ? '1' : '0');
        HttpResponse<String> badPerson = api().postJson("/v1/sanction-checks", body("HONOURS", null, badId), "CREDIT_OFFICER");
        assertThat(json(badPerson).path("errors").get(0).path("field").asText()).isEqualTo("subjects[0].idNumber");
        assertThat(badPerson.body()).doesNotContain(badId);

        HttpResponse<String> unknown = api().postJson("/v1/sanction-checks", body("LOTTERY", null, CLEAN), "CREDIT_OFFICER");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).path("errors").get(0).path("field").asText()).isEqualTo("scenario");
        assertThat(json(unknown).path("errors").get(0).path("reason").asText()).contains("GOVERNMENT_PROCUREMENT", "PUBLIC_OFFICE", "HONOURS");
        assertThat(api().postJson("/v1/sanction-checks", body("HONOURS", TODAY.plusDays(1).toString(), CLEAN), "CREDIT_OFFICER")
                .statusCode()).isEqualTo(400);
        assertThat(api().postJson("/v1/sanction-checks", "{\"scenario\":\"HONOURS\",\"subjects\":[]}", "CREDIT_OFFICER")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void beyondOnePageTheEntriesAreReadFromOneSnapshotAndNoneIsLost() {
        Set<String> subjects = Set.of(TWO_LISTS, EXITED, ENDED, REPAIRED_TODAY, CLEAN);
        LocalDate yesterday = TODAY.minusDays(1);
        List<CreditRecordDocument> onePage = new ListEntrySearch(client, pages, store.alias(), ListEntrySearch.PAGE)
                .inForce(subjects, Set.of(DEBTOR), yesterday);
        List<CreditRecordDocument> scanned = new ListEntrySearch(client, pages, store.alias(), 2)
                .inForce(subjects, Set.of(DEBTOR), yesterday);
        assertThat(onePage).extracting(CreditRecordDocument::recordId).hasSize(6);
        assertThat(scanned).extracting(CreditRecordDocument::recordId)
                .containsExactlyInAnyOrderElementsOf(onePage.stream().map(CreditRecordDocument::recordId).toList());
    }
}
