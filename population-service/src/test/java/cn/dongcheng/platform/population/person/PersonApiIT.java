package cn.dongcheng.platform.population.person;

import cn.dongcheng.platform.common.audit.AuditPseudonyms;
import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.TestIndices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.dongcheng.platform.testing.ProblemAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonApiIT extends ElasticsearchIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    AuditTrail audit;
    @Autowired
    AuditPseudonyms pseudonyms;
    private ApiClient api;

    static String id(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    static String wrongCheck(String first17) {
        char right = ResidentIdNumber.checkCharacter(first17);
        return first17 + (right == '1' ? '2' : '1');
    }

    // ages on 2020-11-01: 10 (female), 40 (male), 62 (female), 70 (male), 30 (male, floating), 45 (away: not a resident)
    static final String CHILD = id("11010120100315002");
    static final String ADULT = id("11010119800101001");
    static final String SIXTY_TWO = id("11010119580505004");
    static final String SEVENTY = id("11010119500101003");
    static final String FLOATING = id("41010219900601007");
    static final String AWAY = id("11010119750101005");

    private static String person(String id, String name, String street, String type) {
        return "{\"idNumber\":\"" + id + "\",\"name\":\"" + name + "\",\"streetCode\":\"" + street + "\",\"residenceType\":\""
                + type + "\",\"phone\":\"13812345678\",\"address\":\"东城区东四街道某胡同1号\"}";
    }

    @BeforeEach
    void load() throws Exception {
        api = new ApiClient(port);
        String ndjson = String.join("\n",
                person(CHILD, "王小红", "110101006", "REGISTERED_RESIDENT"),
                person(ADULT, "李强", "110101006", "REGISTERED_RESIDENT"),
                person(SIXTY_TWO, "赵敏", "110101007", "REGISTERED_RESIDENT"),
                person(SEVENTY, "张伟", "110101007", "REGISTERED_RESIDENT"),
                person(FLOATING, "刘洋", "110101006", "FLOATING_RESIDENT"),
                person(AWAY, "陈静", "110101001", "REGISTERED_AWAY"),
                person(wrongCheck("11010119800101012"), "bad check", "110101006", "REGISTERED_RESIDENT"),
                person(id("11010119800101002"), "bad street", "110102001", "REGISTERED_RESIDENT"));
        HttpResponse<String> r = api.postNdjson("/v1/persons:bulk?refresh=true", ndjson, "DATA_STEWARD");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = json.readTree(r.body());
        assertThat(report.path("accepted").asInt()).isEqualTo(6);
        assertThat(report.path("rejected")).hasSize(2);
        assertThat(report.path("rejected").get(0).path("line").asInt()).isEqualTo(7);
        assertThat(report.path("rejected").get(1).path("reason").asText()).contains("streetCode");
    }

    @Test
    void thePublicCannotWrite() throws Exception {
        HttpResponse<String> r = api.postNdjson("/v1/persons:bulk", person(id("11010119800101010"), "x", "110101006", "REGISTERED_RESIDENT"), null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    /** Request ids unique to this run: the audit index outlives a single test. */
    private final String requestIdPrefix = UUID.randomUUID() + "-";

    private HttpResponse<String> lookUp(String idNumber, String role, String request) {
        return api.postJsonWithToken("/v1/persons:lookup", lookup(idNumber), ApiClient.bearer(role),
                Map.of("X-Request-Id", requestIdPrefix + request));
    }

    /** The one entry of that request; {@code subjectOf} null: a refusal by the matrix, which never read the body. */
    private void assertAudited(String request, String action, String role, String subjectOf, String outcome) {
        List<JsonNode> entries = TestIndices.auditEntries(audit.alias(), "requestId", requestIdPrefix + request);
        assertThat(entries).as("audit entries of request " + request).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.path("action").asText()).as(request).isEqualTo(action);
        assertThat(entry.path("role").asText()).as(request).isEqualTo(role);
        assertThat(entry.path("outcome").asText()).as(request).isEqualTo(outcome);
        if (subjectOf == null) {
            assertThat(entry.path("subject").isMissingNode() || entry.path("subject").isNull()).as(entry.toString()).isTrue();
        } else {
            assertThat(entry.path("subject").asText()).as(request).isEqualTo(pseudonyms.of(subjectOf));
            assertThat(entry.toString()).as(request).doesNotContain(subjectOf);
        }
    }

    @Test
    void theStatisticianSeesAPersonInFullOthersAreRefusedAndEveryLookUpIsAudited() throws Exception {
        HttpResponse<String> refused = lookUp(ADULT, "REGULATOR", "it-refused");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain(ADULT).doesNotContain("李强");

        JsonNode full = json.readTree(lookUp(ADULT, "STATISTICIAN", "it-full").body());
        assertThat(full.path("idNumber").asText()).isEqualTo(ADULT);
        assertThat(full.path("name").asText()).isEqualTo("李强");
        assertThat(full.path("sex").asText()).isEqualTo("MALE");
        assertThat(full.path("masked").asBoolean()).isFalse();

        String absent = id("11010119800101028");
        assertThat(lookUp(absent, "STATISTICIAN", "it-absent").statusCode()).isEqualTo(404);

        // each look-up by its own entry, a read under the pseudonym of the person asked for (never the ID number
        // itself); counting entries would pass with any three, e.g. the refusal audited twice and a read not at all
        assertAudited("it-refused", "ACCESS_DENIED", "REGULATOR", null, "403");
        assertAudited("it-full", "READ_PERSON_FULL", "STATISTICIAN", ADULT, "ok");
        assertAudited("it-absent", "READ_PERSON_FULL", "STATISTICIAN", absent, "not-found");
        assertThat(audit.verify().intact()).isTrue();
    }

    private static String lookup(String idNumber) {
        return "{\"idNumber\":\"" + idNumber + "\"}";
    }

    @Test
    void datesOutsideFourDigitYearsAreA400NotA500() {
        for (String asOf : new String[]{"-0001-01-01", "0000-01-01", "+10000-01-01", "2020-02-30"}) {
            JsonNode problem = assertInvalid(api.get("/v1/population-summaries?asOf=" + asOf, null), "asOf");
            assertThat(problem.path("errors").get(0).path("reason").asText()).contains("2020-11-01");
        }
        assertInvalid(api.get("/v1/population-summaries?asof=2020-11-01", null), "asof");
    }

    @Test
    void summaryCountsResidentsByAgeSexAndStreetOnTheCensusDate() throws Exception {
        JsonNode s = json.readTree(api.get("/v1/population-summaries?asOf=2020-11-01", null).body());
        assertThat(s.path("residents").asInt()).isEqualTo(5); // the person registered but living away is not a resident
        JsonNode st = s.path("structure");
        assertThat(st.path("male").asInt()).isEqualTo(3);
        assertThat(st.path("female").asInt()).isEqualTo(2);
        assertThat(st.path("age0to14").asInt()).isEqualTo(1);
        assertThat(st.path("age15to59").asInt()).isEqualTo(2);
        assertThat(st.path("age15to64").asInt()).isEqualTo(3);
        assertThat(st.path("age60plus").asInt()).isEqualTo(2);
        assertThat(st.path("age65plus").asInt()).isEqualTo(1);
        assertThat(s.path("sexRatio").asDouble()).isEqualTo(150.0);
        assertThat(s.path("oldAgeDependencyRatio").asDouble()).isEqualTo(33.33);
        assertThat(s.path("byResidenceType").path("FLOATING_RESIDENT").asInt()).isEqualTo(1);
        assertThat(s.path("byStreet")).hasSize(2);

        JsonNode dongsi = json.readTree(api.get("/v1/population-summaries?asOf=2020-11-01&streetCode=110101006", null).body());
        assertThat(dongsi.path("residents").asInt()).isEqualTo(3);
        // before the child was born there were only four residents
        assertThat(json.readTree(api.get("/v1/population-summaries?asOf=2009-01-01", null).body()).path("residents").asInt()).isEqualTo(4);

        HttpResponse<String> bad = api.get("/v1/population-summaries?asOf=2020-13-01", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).path("errors").get(0).path("field").asText()).isEqualTo("asOf");
    }
}
