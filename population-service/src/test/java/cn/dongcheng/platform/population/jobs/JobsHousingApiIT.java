package cn.dongcheng.platform.population.jobs;

import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;
import cn.dongcheng.platform.industry.IndustryServiceApplication;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.NeighbourService;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.Map;

import static cn.dongcheng.platform.testing.ApiClient.json;
import static cn.dongcheng.platform.testing.ProblemAssertions.assertInvalid;
import static cn.dongcheng.platform.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jobs–housing balance over real HTTP with real tokens, the real industry-service running beside this service in
 * its own index namespace. Figures for December 2024 by hand (ages on 2024-12-31):
 * <ul>
 *   <li>东四 110101006: residents born 1980-01-01 (44), 1962-06-01 (62), 2009-12-31 (15 that day), 2015-01-01 (9),
 *   1959-12-31 (65 that day) → 15–64: 3, 15–59: 2; employees 30 + 20 = 50 → 50 / 3 = 16.667, 50 / 2 = 25.0</li>
 *   <li>朝阳门 110101007: residents born 1990-05-05 and 1970-03-03, one more registered here but living away (not
 *   counted) → 2 and 2; employees 7 → 3.5 and 3.5</li>
 *   <li>建国门 110101008: employees 12, no residents → no ratio</li>
 *   <li>district: 69 employees (a November report of 99 is another month) against 5 and 4 → 13.8 and 17.25</li>
 * </ul>
 * The last test stops industry-service: the answer degrades to the residents part.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobsHousingApiIT extends ElasticsearchIntegrationTest {

    static final String DONGSI = "110101006";
    static final String CHAOYANGMEN = "110101007";
    static final String JIANGUOMEN = "110101008";
    static final String A = code("JBHA0001");
    static final String B = code("JBHB0002");
    static final String C = code("JBHC0003");
    static final String D = code("JBHD0004");

    private static NeighbourService industry;

    @LocalServerPort
    int port;
    private ApiClient api;

    @DynamicPropertySource
    static void industryService(DynamicPropertyRegistry registry) {
        industry = NeighbourService.start(IndustryServiceApplication.class, Map.of());
        registry.add("spring.cloud.discovery.client.simple.instances.industry-service[0].uri", industry::baseUrl);
    }

    @AfterAll
    static void stopIndustry() {
        if (industry != null) {
            industry.close();
        }
    }

    static String code(String organisationBody) {
        String first17 = "91110101" + organisationBody + UnifiedSocialCreditCode.organisationCheckCharacter(organisationBody);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    static String person(String birth, String seq, String street, String type) {
        String first17 = "110101" + birth + seq;
        return "{\"idNumber\":\"" + first17 + ResidentIdNumber.checkCharacter(first17) + "\",\"name\":\"职住测试\",\"streetCode\":\""
                + street + "\",\"residenceType\":\"" + type + "\"}\n";
    }

    static String entity(String uscc, String street) {
        return "{\"uscc\":\"" + uscc + "\",\"name\":\"北京职住测试有限公司\",\"status\":\"ACTIVE\",\"streetCode\":\"" + street
                + "\",\"industrySection\":\"I\",\"industryClass\":\"6513\"}\n";
    }

    static String report(String uscc, String period, int employees) {
        return "{\"uscc\":\"" + uscc + "\",\"period\":\"" + period + "\",\"revenueYtd\":1000000,\"employeesAtPeriodEnd\":" + employees + "}\n";
    }

    @BeforeAll
    void load() {
        api = new ApiClient(port);
        String persons = person("19800101", "001", DONGSI, "REGISTERED_RESIDENT")
                + person("19620601", "002", DONGSI, "FLOATING_RESIDENT")
                + person("20091231", "003", DONGSI, "REGISTERED_RESIDENT")
                + person("20150101", "004", DONGSI, "REGISTERED_RESIDENT")
                + person("19591231", "005", DONGSI, "REGISTERED_RESIDENT")
                + person("19900505", "006", CHAOYANGMEN, "REGISTERED_RESIDENT")
                + person("19700303", "007", CHAOYANGMEN, "FLOATING_RESIDENT")
                + person("19850808", "008", CHAOYANGMEN, "REGISTERED_AWAY");
        HttpResponse<String> r = api.postNdjson("/v1/persons:bulk?refresh=true", persons, "DATA_STEWARD");
        assertThat(json(r).path("accepted").asInt()).as(r.body()).isEqualTo(8);

        ApiClient neighbour = new ApiClient(industry.port());
        String entities = entity(A, DONGSI) + entity(B, DONGSI) + entity(C, CHAOYANGMEN) + entity(D, JIANGUOMEN);
        r = neighbour.postNdjson("/v1/enterprises:bulk?refresh=true", entities, "DATA_STEWARD");
        assertThat(json(r).path("accepted").asInt()).as(r.body()).isEqualTo(4);
        String reports = report(A, "2024-12", 30) + report(B, "2024-12", 20) + report(C, "2024-12", 7) + report(D, "2024-12", 12)
                + report(A, "2024-11", 99);
        r = neighbour.postNdjson("/v1/operating-indicators:bulk?refresh=true", reports, "STATISTICIAN");
        assertThat(json(r).path("accepted").asInt()).as(r.body()).isEqualTo(5);
    }

    private JsonNode balance(String query, String role) {
        HttpResponse<String> r = api.get("/v1/jobs-housing-balance?" + query, role);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private static JsonNode street(JsonNode balance, String code) {
        for (JsonNode s : balance.path("streets")) {
            if (s.path("streetCode").asText().equals(code)) {
                return s;
            }
        }
        throw new AssertionError("no street " + code + " in " + balance);
    }

    @Test
    @Order(1)
    void employeesFromIndustryAgainstWorkingAgeResidentsByStreet() {
        JsonNode b = balance("month=2024-12", "STATISTICIAN");

        assertThat(b.path("employment").asText()).isEqualTo("AVAILABLE");
        assertThat(b.path("residentsAsOf").asText()).isEqualTo("2024-12-31");
        assertThat(b.path("streets")).hasSize(17);
        JsonNode dongsi = street(b, DONGSI);
        assertThat(dongsi.path("employees").asLong()).isEqualTo(50);
        assertThat(dongsi.path("workingAge15to64").asLong()).isEqualTo(3);
        assertThat(dongsi.path("workingAge15to59").asLong()).isEqualTo(2);
        assertThat(dongsi.path("ratio").asDouble()).isEqualTo(16.667);
        assertThat(dongsi.path("ratio15to59").asDouble()).isEqualTo(25.0);
        JsonNode chaoyangmen = street(b, CHAOYANGMEN);
        assertThat(chaoyangmen.path("employees").asLong()).isEqualTo(7);
        assertThat(chaoyangmen.path("workingAge15to64").asLong()).isEqualTo(2);
        assertThat(chaoyangmen.path("ratio").asDouble()).isEqualTo(3.5);
        JsonNode jianguomen = street(b, JIANGUOMEN);
        assertThat(jianguomen.path("employees").asLong()).isEqualTo(12);
        assertThat(jianguomen.path("ratio").isNumber()).isFalse();
        JsonNode district = b.path("district");
        assertThat(district.path("employees").asLong()).isEqualTo(69);
        assertThat(district.path("workingAge15to64").asLong()).isEqualTo(5);
        assertThat(district.path("workingAge15to59").asLong()).isEqualTo(4);
        assertThat(district.path("ratio").asDouble()).isEqualTo(13.8);
        assertThat(district.path("ratio15to59").asDouble()).isEqualTo(17.25);
    }

    @Test
    @Order(2)
    void oneStreetForTheIndustryOfficer() {
        JsonNode b = balance("month=2024-12&street=" + DONGSI, "INDUSTRY_OFFICER");

        assertThat(b.path("streets")).hasSize(1);
        assertThat(street(b, DONGSI).path("employees").asLong()).isEqualTo(50);
        assertThat(b.path("district").path("employees").asLong()).isEqualTo(69);
    }

    @Test
    @Order(3)
    void badMonthOrStreetIsRejectedNamingTheField() {
        assertInvalid(api.get("/v1/jobs-housing-balance?month=2024-13", "STATISTICIAN"), "month");
        assertInvalid(api.get("/v1/jobs-housing-balance", "STATISTICIAN"), "month");
        assertInvalid(api.get("/v1/jobs-housing-balance?month=2024-12&street=110101099", "STATISTICIAN"), "street");
        assertProblem(api.get("/v1/jobs-housing-balance?month=2024-12", "REGULATOR"), 403);
    }

    @Test
    @Order(4)
    void withIndustryServiceStoppedTheResidentsPartStillAnswers() {
        industry.close();

        JsonNode b = balance("month=2024-12", "STATISTICIAN");

        assertThat(b.path("employment").asText()).isEqualTo("UNAVAILABLE");
        assertThat(b.path("employmentReason").asText()).contains("industry-service");
        JsonNode dongsi = street(b, DONGSI);
        assertThat(dongsi.path("workingAge15to64").asLong()).isEqualTo(3);
        assertThat(dongsi.path("employees").isNumber()).isFalse();
        assertThat(dongsi.path("ratio").isNumber()).isFalse();
        assertThat(b.path("district").path("workingAge15to59").asLong()).isEqualTo(4);
    }
}
