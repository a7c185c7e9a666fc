package cn.dongcheng.platform.population.person;

import cn.dongcheng.platform.common.audit.AuditChainPosition;
import cn.dongcheng.platform.common.audit.AuditPseudonyms;
import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.TestIdentityProvider;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static cn.dongcheng.platform.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor endpoints every service gets from common, here in population-service: person reads are recorded under
 * the person's keyed pseudonym only, and auditors find them by it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditApiIT extends ElasticsearchIntegrationTest {

    static final String PERSON = PersonApiIT.id("11010119800101001");
    static final String OTHER = PersonApiIT.id("11010119800101010");
    /** The demo citizen, who may read their own record. */
    static final String CITIZEN = TestIdentityProvider.citizenIdNumber();

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail audit;
    @Autowired
    AuditPseudonyms pseudonyms;
    private ApiClient api;

    @BeforeEach
    void load() {
        api = new ApiClient(port);
        String person = "{\"idNumber\":\"%s\",\"name\":\"李强\",\"streetCode\":\"110101006\","
                + "\"residenceType\":\"REGISTERED_RESIDENT\",\"phone\":\"13812345678\",\"address\":\"东城区东四街道某胡同1号\"}";
        assertThat(api.postNdjson("/v1/persons:bulk?refresh=true", person.formatted(PERSON) + "\n" + person.formatted(OTHER)
                + "\n" + person.formatted(CITIZEN), "DATA_STEWARD").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> lookUp(String idNumber, String role) {
        return api.postJson("/v1/persons:lookup", "{\"idNumber\":\"" + idNumber + "\"}", role);
    }

    @Test
    void personReadsAreFoundByPseudonymAndNoFormOfTheIdIsStored() {
        long before = json(api.get("/v1/audit-chain/head", "SERVICE")).path("seq").asLong();
        assertThat(lookUp(CITIZEN, "STATISTICIAN").statusCode()).isEqualTo(200);
        assertThat(api.get("/v1/persons/me", "CITIZEN").statusCode()).isEqualTo(200);

        HttpResponse<String> asked = api.postJson("/v1/audit-pseudonyms", "{\"identifier\":\"" + CITIZEN + "\"}", "AUDITOR");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        String pseudonym = json(asked).path("pseudonym").asText();
        assertThat(pseudonym).isEqualTo(pseudonyms.of(CITIZEN)).matches("[0-9a-f]{64}");

        audit.verify(); // refreshes the index
        JsonNode page = json(api.get("/v1/audit-entries?subject=" + pseudonym + "&size=10", "AUDITOR"));
        assertThat(page.path("items")).filteredOn(e -> e.path("seq").asLong() > before).extracting(e -> e.path("action").asText())
                .containsExactly("PSEUDONYMISE", "READ_PERSON_FULL", "READ_PERSON_FULL"); // newest first
        assertThat(page.path("items").get(1).path("role").asText()).isEqualTo("CITIZEN");
        assertThat(page.path("items").get(2).path("role").asText()).isEqualTo("STATISTICIAN");

        // nothing in the trail holds the ID, its birth-date part, or the old digest's masked form
        JsonNode all = json(api.get("/v1/audit-entries?size=1000", "AUDITOR"));
        assertThat(all.toString()).doesNotContain(CITIZEN).doesNotContain(CITIZEN.substring(6, 14))
                .doesNotContain(CITIZEN.substring(0, 6) + "********");

        // a citizen asking for somebody else is refused, and the probe is found under that person's pseudonym
        assertThat(lookUp(PERSON, "CITIZEN").statusCode()).isEqualTo(403);
        audit.verify();
        JsonNode probe = json(api.get("/v1/audit-entries?action=ACCESS_DENIED&subject=" + pseudonyms.of(PERSON), "AUDITOR"));
        assertThat(probe.path("items")).singleElement().satisfies(e -> assertThat(e.path("role").asText()).isEqualTo("CITIZEN"));
    }

    @Test
    void filtersPageNewestFirstAndRejectUnknownNames() {
        for (int i = 0; i < 3; i++) {
            lookUp(OTHER, "STATISTICIAN");
        }
        lookUp(OTHER, "REGULATOR"); // refused before the body is read: an ACCESS_DENIED entry without a subject
        audit.verify();
        String other = "subject=" + pseudonyms.of(OTHER) + "&actor=" + TestIdentityProvider.demoUser("STATISTICIAN").username();
        JsonNode first = json(api.get("/v1/audit-entries?action=READ_PERSON_FULL&" + other + "&size=2", "AUDITOR"));
        assertThat(first.path("items")).hasSize(2);
        assertThat(first.path("total").asLong()).isEqualTo(3);
        long newest = first.path("items").get(0).path("seq").asLong();
        assertThat(first.path("items").get(1).path("seq").asLong()).isLessThan(newest);
        JsonNode second = json(api.get("/v1/audit-entries?action=READ_PERSON_FULL&" + other + "&size=2&cursor="
                + first.path("nextCursor").asText(), "AUDITOR"));
        assertThat(second.path("items")).hasSize(1);

        String beijing = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(1).withNano(0).toString();
        assertThat(json(api.get("/v1/audit-entries?" + other + "&from=" + enc(beijing), "AUDITOR")).path("items")).isEmpty();
        assertThat(json(api.get("/v1/audit-entries?" + other + "&to=" + enc(beijing), "AUDITOR")).path("items")).hasSize(3);
        // an unencoded '+' of a Beijing offset arrives as a space and is still read as +08:00
        assertThat(json(api.get("/v1/audit-entries?" + other + "&role=STATISTICIAN&to=" + beijing, "AUDITOR")).path("items")).hasSize(3);
        assertThat(json(api.get("/v1/audit-entries?action=ACCESS_DENIED&role=REGULATOR&to=" + beijing, "AUDITOR")).path("items")).hasSize(1);

        HttpResponse<String> unknown = api.get("/v1/audit-entries?actr=x&q=y", "AUDITOR");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(unknown).path("errors")).extracting(e -> e.path("field").asText()).containsExactly("actr", "q");
        assertThat(api.get("/v1/audit-entries?from=yesterday", "AUDITOR").statusCode()).isEqualTo(400);
        // an ID number typed where its pseudonym belongs is refused, neither echoed nor written to the trail
        HttpResponse<String> identifier = api.get("/v1/audit-entries?subject=" + OTHER, "AUDITOR");
        assertThat(identifier.statusCode()).isEqualTo(400);
        assertThat(identifier.body()).doesNotContain(OTHER);
        audit.verify();
        assertThat(api.get("/v1/audit-entries?size=1000", "AUDITOR").body()).doesNotContain(OTHER);
    }

    @Test
    void pseudonymRequestsAreValidated() {
        assertThat(api.postJson("/v1/audit-pseudonyms", "{\"identifier\":\"" + "1".repeat(65) + "\"}", "AUDITOR").statusCode()).isEqualTo(400);
        HttpResponse<String> missing = api.postJson("/v1/audit-pseudonyms", "{}", "AUDITOR");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).path("errors").get(0).path("field").asText()).isEqualTo("identifier");
    }

    @Test
    void headAndVerificationAnswerTheChainAndAnAnchoredPosition() {
        lookUp(PERSON, "STATISTICIAN");
        JsonNode head = json(api.get("/v1/audit-chain/head", "SERVICE"));
        // the trail's own newest entry (the look-up's), not merely "some position"
        AuditChainPosition newest = audit.head();
        assertThat(head.path("seq").asLong()).isEqualTo(newest.seq()).isPositive();
        assertThat(head.path("hash").asText()).isEqualTo(newest.hash()).hasSize(64);
        assertThat(head.path("time").asText()).isEqualTo(newest.time());

        JsonNode verification = json(api.get("/v1/audit-chain/verification?at=" + head.path("seq").asLong(), "AUDITOR"));
        assertThat(verification.path("intact").asBoolean()).isTrue();
        assertThat(verification.path("headSeq").asLong()).isEqualTo(head.path("seq").asLong());
        assertThat(verification.path("headHash").asText()).isEqualTo(head.path("hash").asText());
        assertThat(verification.path("at").path("hash").asText()).isEqualTo(head.path("hash").asText());
        assertThat(verification.path("problems")).isEmpty();
        assertThat(json(api.get("/v1/audit-chain/verification?at=999999", "AUDITOR")).path("at").isNull()).isTrue();
        assertThat(api.get("/v1/audit-chain/verification?at=abc", "AUDITOR").statusCode()).isEqualTo(400);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
