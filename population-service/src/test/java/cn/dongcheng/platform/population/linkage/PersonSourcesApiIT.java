package cn.dongcheng.platform.population.linkage;

import cn.dongcheng.platform.common.audit.AuditPseudonyms;
import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.population.person.PersonRegistry;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.testing.TestIdentityProvider;
import cn.dongcheng.platform.testing.TestIndices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.dongcheng.platform.population.support.SourceLines.line;
import static org.assertj.core.api.Assertions.assertThat;

/** Source deliveries through real HTTP with real tokens into the real node: linkage, conflicts, retries, rights, audit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonSourcesApiIT extends ElasticsearchIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    PersonSources sources;
    @Autowired
    PersonRegistry registry;
    @Autowired
    DocumentPages pages;
    @Autowired
    IndexNames names;
    @Autowired
    ElasticsearchJson es;
    @Autowired
    ObjectMapper json;
    @Autowired
    AuditTrail audit;
    @Autowired
    AuditPseudonyms pseudonyms;
    private ApiClient api;
    private final String requestIdPrefix = UUID.randomUUID() + "-";

    static String id(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    private HttpResponse<String> deliver(String role, String... lines) {
        return api.postNdjson("/v1/person-sources:bulk?refresh=true", String.join("\n", lines), role);
    }

    JsonNode deliverOk(String... lines) {
        HttpResponse<String> r = deliver("DATA_STEWARD", lines);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ApiClient.json(r);
    }

    private HttpResponse<String> lookUp(String idNumber, String role, String request) {
        return api.postJsonWithToken("/v1/linked-persons:lookup", "{\"idNumber\":\"" + idNumber + "\"}",
                ApiClient.bearer(role), Map.of("X-Request-Id", requestIdPrefix + request));
    }

    private JsonNode linked(String idNumber) {
        HttpResponse<String> r = lookUp(idNumber, "STATISTICIAN", UUID.randomUUID().toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ApiClient.json(r);
    }

    private static void assertField(JsonNode person, String field, String value, String source, String sourceId) {
        JsonNode f = person.path("fields").path(field);
        assertThat(f.path("value").asText()).as(field + " in " + person).isEqualTo(value);
        assertThat(f.path("source").asText()).as(field + " source").isEqualTo(source);
        assertThat(f.path("sourceId").asText()).as(field + " sourceId").isEqualTo(sourceId);
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    // a man born 1980-01-01, hukou in Zhengzhou, registered as floating population in 2012, hukou moved to Dongcheng
    // in 2015, enumerated in 2020 in another street (telling the enumerator his old hukou), died in 2023
    static final String LI = id("41010219800101001");
    static final String FLOATING = line("source", "FLOATING_RESIDENCE", "sourceId", "FR-1", "sourceDate", "2012-05-01",
            "idNumber", LI, "name", "李强强", "sex", "MALE", "hukouPlace", "410102", "residenceStreetCode", "110101003",
            "residenceCommunity", "交道口社区", "residenceSince", "2012-04-01");
    static final String HOUSEHOLD = line("source", "HOUSEHOLD_REGISTRATION", "sourceId", "HR-1", "sourceDate", "2015-03-01",
            "idNumber", LI, "name", "李强", "birthDate", "1980-01-01", "hukouType", "FAMILY", "hukouPlace", "110101",
            "registrationStreetCode", "110101006", "residenceStreetCode", "110101006", "householdId", "H-0001");
    static final String CENSUS = line("source", "CENSUS", "sourceId", "C7-1", "sourceDate", "2020-11-01", "idNumber", LI,
            "name", "李 强", "hukouPlace", "410102", "residenceStreetCode", "110101007", "residenceCommunity", "朝阳门社区",
            "householdId", "C-77");
    static final String DEATH = line("source", "DEATH", "sourceId", "D-1", "sourceDate", "2023-06-10", "idNumber", LI);
    static final String LATER_SURVEY = line("source", "SAMPLE_SURVEY", "sourceId", "S-1", "sourceDate", "2024-01-01",
            "idNumber", LI, "residenceStreetCode", "110101008");

    @Test
    void onePersonIsLinkedAcrossSourcesAndTheRuleDecidesEachField() {
        JsonNode report = deliverOk(FLOATING, CENSUS, HOUSEHOLD);
        assertThat(report.path("accepted").asInt()).isEqualTo(3);

        JsonNode li = linked(LI);
        assertField(li, "name", "李强", "HOUSEHOLD_REGISTRATION", "HR-1");          // the register's name
        assertField(li, "hukouPlace", "110101", "HOUSEHOLD_REGISTRATION", "HR-1");   // beats the newer census
        assertField(li, "hukouType", "FAMILY", "HOUSEHOLD_REGISTRATION", "HR-1");
        assertField(li, "registrationStreetCode", "110101006", "HOUSEHOLD_REGISTRATION", "HR-1");
        assertField(li, "householdId", "H-0001", "HOUSEHOLD_REGISTRATION", "HR-1");
        assertField(li, "residenceStreetCode", "110101007", "CENSUS", "C7-1");        // the most recent residence
        assertField(li, "residenceCommunity", "朝阳门社区", "CENSUS", "C7-1");
        assertField(li, "birthDate", "1980-01-01", "HOUSEHOLD_REGISTRATION", "HR-1");
        assertField(li, "sex", "MALE", "FLOATING_RESIDENCE", "FR-1");                 // the only source stating it
        assertField(li, "status", "PRESENT", "CENSUS", "C7-1");
        assertThat(li.path("fields").path("residenceStreetCode").path("sourceDate").asText()).isEqualTo("2020-11-01");
        assertThat(li.path("fields").has("residenceSince")).as("the census said no date, and no other record's is taken").isFalse();
        assertThat(li.path("residenceType").asText()).isEqualTo("REGISTERED_RESIDENT");
        assertThat(li.path("streetCode").asText()).isEqualTo("110101007");
        assertThat(li.path("ruleVersion").asText()).isEqualTo("conflict-rules-v1");
        assertThat(li.path("sources").findValuesAsText("sourceId")).containsExactly("FR-1", "HR-1", "C7-1");
        // the register's readers count him where he lives
        JsonNode summary = ApiClient.json(api.get("/v1/population-summaries?asOf=2021-01-01&streetCode=110101007", null));
        assertThat(summary.path("residents").asInt()).isEqualTo(1);

        // death arrives later, and a survey after it still lists him: the death registration wins the status
        deliverOk(LATER_SURVEY, DEATH);
        li = linked(LI);
        assertField(li, "status", "DECEASED", "DEATH", "D-1");
        assertField(li, "residenceStreetCode", "110101008", "SAMPLE_SURVEY", "S-1");
        assertField(li, "name", "李强", "HOUSEHOLD_REGISTRATION", "HR-1");
        assertThat(li.has("residenceType")).as("no longer a resident").isFalse();
        assertThat(li.path("sources")).hasSize(5);
        summary = ApiClient.json(api.get("/v1/population-summaries?asOf=2021-01-01&streetCode=110101007", null));
        assertThat(summary.path("residents").asInt()).isZero();
    }

    static final String WANG = id("11010119900315002");

    private static String wangCensus(String community) {
        return line("source", "CENSUS", "sourceId", "C7-2", "sourceDate", "2020-11-01", "idNumber", WANG, "name", "王芳",
                "hukouPlace", "110101", "registrationStreetCode", "110101001", "residenceStreetCode", "110101001",
                "residenceCommunity", community);
    }

    private static final String WANG_HOUSEHOLD = line("source", "HOUSEHOLD_REGISTRATION", "sourceId", "HR-2",
            "sourceDate", "2018-01-01", "idNumber", WANG, "name", "王芳", "hukouPlace", "110101",
            "registrationStreetCode", "110101001", "residenceStreetCode", "110101001");

    @Test
    void aRedeliveryChangesNothingAndAChangedLineKeepsTheVersionItReplaces() {
        JsonNode first = deliverOk(WANG_HOUSEHOLD, wangCensus("东华门社区"));
        assertThat(first.path("accepted").asInt()).isEqualTo(2);
        LinkedPerson before = pages.get(registry.alias(), WANG, LinkedPerson.class).orElseThrow();

        JsonNode again = deliverOk(WANG_HOUSEHOLD, wangCensus("东华门社区"));
        assertThat(again.path("accepted").asInt()).isEqualTo(2);
        assertThat(again.path("unchanged").asInt()).isEqualTo(2);
        assertThat(pages.get(registry.alias(), WANG, LinkedPerson.class).orElseThrow()).isEqualTo(before);
        assertThat(pages.get(sources.alias(), "CENSUS:C7-2", SourceRecord.class).orElseThrow().version()).isNull();

        JsonNode changed = deliverOk(wangCensus("多福巷社区"));
        assertThat(changed.path("unchanged").asInt()).isZero();
        SourceRecord census = pages.get(sources.alias(), "CENSUS:C7-2", SourceRecord.class).orElseThrow();
        assertThat(census.version()).isEqualTo(2);
        assertField(linked(WANG), "residenceCommunity", "多福巷社区", "CENSUS", "C7-2");
        JsonNode replaced = pages.get(names.alias(PersonSources.HISTORY_INDEX.resource()), "CENSUS:C7-2:v1", JsonNode.class)
                .orElseThrow();
        assertThat(replaced.path("document").path("residenceCommunity").asText()).isEqualTo("东华门社区");
    }

    @Test
    void linesThatFailACheckAreRejectedWithTheFieldAndStoreNothing() {
        String bornOtherDay = id("11010119850505003");
        String wrongSex = id("11010119850505011");
        String unknownStreet = id("11010119850505020");
        String first17 = "11010119850505038";
        String wrongCheck = first17 + (ResidentIdNumber.checkCharacter(first17) == '1' ? '2' : '1');
        JsonNode report = deliverOk(
                line("source", "CENSUS", "sourceId", "B-1", "sourceDate", "2020-11-01", "idNumber", bornOtherDay,
                        "birthDate", "1985-05-06"),
                line("source", "CENSUS", "sourceId", "B-2", "sourceDate", "2020-11-01", "idNumber", wrongSex, "sex", "FEMALE"),
                line("source", "CENSUS", "sourceId", "B-3", "sourceDate", "2020-11-01", "idNumber", unknownStreet,
                        "residenceStreetCode", "110102001"),
                line("source", "CENSUS", "sourceId", "B-4", "sourceDate", "2020-11-01", "idNumber", wrongCheck),
                line("source", "CENSUS", "sourceId", "B-5", "sourceDate", "2020-11-01", "idNumber", id("11010119850505046"),
                        "residenceStreetCode", "110101002"));
        assertThat(report.path("accepted").asInt()).isEqualTo(1);
        assertThat(report.path("rejectedCount").asInt()).isEqualTo(4);
        Map<Integer, String> reasons = new HashMap<>();
        report.path("rejected").forEach(r -> reasons.put(r.path("line").asInt(), r.path("reason").asText()));
        assertThat(reasons.get(1)).contains("birthDate").contains("contradicts the ID number");
        assertThat(reasons.get(2)).contains("sex").contains("odd, i.e. MALE");
        assertThat(reasons.get(3)).contains("residenceStreetCode").contains("17 street codes");
        assertThat(reasons.get(4)).contains("idNumber").contains("check character failed");
        assertThat(report.path("rejected").get(0).path("id").asText()).isEqualTo("CENSUS:B-1");
        for (String rejected : List.of(bornOtherDay, wrongSex, unknownStreet)) {
            assertThat(pages.get(registry.alias(), rejected, LinkedPerson.class)).as("no person").isEmpty();
        }
        for (String key : List.of("CENSUS:B-1", "CENSUS:B-2", "CENSUS:B-3", "CENSUS:B-4")) {
            assertThat(pages.get(sources.alias(), key, SourceRecord.class)).as("no source record " + key).isEmpty();
        }
        assertThat(pages.get(sources.alias(), "CENSUS:B-5", SourceRecord.class)).isPresent();
    }

    /** The one entry of that request. */
    private JsonNode auditEntry(String request) {
        List<JsonNode> entries = TestIndices.auditEntries(audit.alias(), "requestId", requestIdPrefix + request);
        assertThat(entries).as("audit entries of " + request).hasSize(1);
        return entries.get(0);
    }

    @Test
    void onlyTheStatisticianAndThePersonThemselvesReadALinkedPersonAndEveryReadIsAudited() {
        String citizen = TestIdentityProvider.citizenIdNumber();
        String other = id("11010119700707005");
        deliverOk(line("source", "HOUSEHOLD_REGISTRATION", "sourceId", "HR-9", "sourceDate", "2019-01-01", "idNumber", citizen,
                        "name", "王秀英", "hukouPlace", "110101", "registrationStreetCode", "110101001", "residenceStreetCode", "110101001"),
                line("source", "HOUSEHOLD_REGISTRATION", "sourceId", "HR-10", "sourceDate", "2019-01-01", "idNumber", other,
                        "name", "赵敏", "hukouPlace", "110101", "registrationStreetCode", "110101001"));

        HttpResponse<String> own = lookUp(citizen, "CITIZEN", "own");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertField(ApiClient.json(own), "name", "王秀英", "HOUSEHOLD_REGISTRATION", "HR-9");
        HttpResponse<String> notOwn = lookUp(other, "CITIZEN", "not-own");
        assertThat(notOwn.statusCode()).isEqualTo(403);
        assertThat(notOwn.body()).doesNotContain("赵敏").doesNotContain(other);
        HttpResponse<String> regulator = lookUp(other, "REGULATOR", "regulator");
        assertThat(regulator.statusCode()).isEqualTo(403);
        HttpResponse<String> full = lookUp(other, "STATISTICIAN", "statistician");
        assertThat(full.statusCode()).isEqualTo(200);
        assertField(ApiClient.json(full), "name", "赵敏", "HOUSEHOLD_REGISTRATION", "HR-10");

        assertAudited("own", "READ_PERSON_FULL", "CITIZEN", citizen, "ok");
        assertAudited("not-own", "ACCESS_DENIED", "CITIZEN", other, "403");
        assertAudited("statistician", "READ_PERSON_FULL", "STATISTICIAN", other, "ok");
        JsonNode refused = auditEntry("regulator"); // refused by the matrix before the body was read
        assertThat(refused.path("action").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(refused.toString()).doesNotContain(other);
        assertThat(audit.verify().intact()).isTrue();

        HttpResponse<String> publicUpload = deliver(null, line("source", "CENSUS", "sourceId", "P-1", "sourceDate",
                "2020-11-01", "idNumber", other));
        assertThat(publicUpload.statusCode()).isEqualTo(401);
        assertThat(pages.get(sources.alias(), "CENSUS:P-1", SourceRecord.class)).isEmpty();
    }

    private void assertAudited(String request, String action, String role, String subjectOf, String outcome) {
        JsonNode entry = auditEntry(request);
        assertThat(entry.path("action").asText()).as(request).isEqualTo(action);
        assertThat(entry.path("role").asText()).as(request).isEqualTo(role);
        assertThat(entry.path("outcome").asText()).as(request).isEqualTo(outcome);
        assertThat(entry.path("subject").asText()).as(request).isEqualTo(pseudonyms.of(subjectOf));
        assertThat(entry.toString()).as(request).doesNotContain(subjectOf);
    }

    private static String residence(String kind, String sourceId, String date, String idNumber, String street,
                                    String... more) {
        List<Object> fields = new ArrayList<>(List.of("source", kind, "sourceId", sourceId, "sourceDate", date,
                "idNumber", idNumber));
        if (street != null) {
            fields.addAll(List.of("residenceStreetCode", street));
        }
        fields.addAll(List.of((Object[]) more));
        return line(fields.toArray());
    }

    @Test
    void theFlowMatrixCountsTheMovesOfThePeriod() {
        String a = id("11010119700101021");
        String b = id("41010219750101032");
        String c = id("11010119800101043");
        String d = id("11010119850101054");
        String e = id("11010119900101065");
        deliverOk(
                residence("HOUSEHOLD_REGISTRATION", "F-A1", "2019-01-01", a, "110101001"),
                residence("MOVE", "F-A2", "2021-03-01", a, "110101002", "residenceSince", "2021-02-15"),
                residence("CENSUS", "F-A3", "2021-11-01", a, "110101002"),
                residence("FLOATING_RESIDENCE", "F-B1", "2020-06-01", b, "110101003"),
                residence("MOVE", "F-B2", "2021-05-01", b, null, "status", "MOVED_OUT"),
                residence("HOUSEHOLD_REGISTRATION", "F-C1", "2018-01-01", c, "OUTSIDE", "registrationStreetCode", "110101004"),
                residence("HOUSEHOLD_REGISTRATION", "F-C2", "2021-07-01", c, "110101004"),
                residence("SAMPLE_SURVEY", "F-C3", "2021-11-01", c, "110101006"),
                residence("CENSUS", "F-C4", "2021-11-01", c, "110101005"),
                residence("HOUSEHOLD_REGISTRATION", "F-D1", "2020-01-01", d, "110101007"),
                residence("MOVE", "F-D2", "2022-01-05", d, "110101008"),
                residence("HOUSEHOLD_REGISTRATION", "F-E1", "2020-01-01", e, "110101009"),
                residence("CENSUS", "F-E2", "2022-02-01", e, "110101010", "residenceSince", "2021-12-01"));

        HttpResponse<String> r = api.get("/v1/migration-flows?from=2021-01-01&to=2021-12-31", "STATISTICIAN");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode flows = ApiClient.json(r);
        List<String> areas = new ArrayList<>();
        flows.path("areas").forEach(x -> areas.add(x.asText()));
        assertThat(areas).hasSize(18).startsWith("110101001").endsWith("OUTSIDE");
        // by hand: A 001→002 (dated by residenceSince), B 003→OUTSIDE (moved out), C OUTSIDE→004 and 004→005 (the
        // census, not the survey of the same day), D's move is in 2022, E's census of 2022 dates its move 2021-12-01
        Map<String, Long> expected = Map.of("110101001>110101002", 1L, "110101003>OUTSIDE", 1L, "OUTSIDE>110101004", 1L,
                "110101004>110101005", 1L, "110101009>110101010", 1L);
        Map<String, Long> cells = new HashMap<>();
        for (int i = 0; i < 18; i++) {
            for (int j = 0; j < 18; j++) {
                long n = flows.path("counts").get(i).get(j).asLong();
                if (n != 0) {
                    cells.put(areas.get(i) + ">" + areas.get(j), n);
                }
            }
        }
        assertThat(cells).isEqualTo(expected);
        assertThat(flows.path("moves").asLong()).isEqualTo(5);
        assertThat(flows.path("outflows").get(17).asLong()).as("out of OUTSIDE: arrivals").isEqualTo(1);
        assertThat(flows.path("inflows").get(17).asLong()).as("into OUTSIDE: departures").isEqualTo(1);

        assertThat(api.get("/v1/migration-flows?from=2021-12-31&to=2021-01-01", "STATISTICIAN").statusCode()).isEqualTo(400);
        assertThat(api.get("/v1/migration-flows?from=2021-01-01&to=2021-12-31", "REGULATOR").statusCode()).isEqualTo(403);
    }

    @Test
    void aSourceRecordStoredWhenItsPersonWriteFailedIsLinkedByTheNextDeliveryAndTheRetryConverges() throws Exception {
        String sun = id("11010119660606026");
        String household = line("source", "HOUSEHOLD_REGISTRATION", "sourceId", "HR-O", "sourceDate", "2016-01-01",
                "idNumber", sun, "name", "孙丽", "hukouPlace", "110101", "registrationStreetCode", "110101011",
                "residenceStreetCode", "110101011");
        // the state a failed person write leaves: the source record stored, the person not (re)linked
        SourceRecord stored = SourceRecordValidator.validate(json.readValue(household, SourceRecordInput.class),
                LocalDate.of(2026, 1, 1), "2026-01-01T00:00+08:00");
        es.send("PUT", "/" + sources.alias() + "/_doc/" + stored.key(), stored, Map.of("refresh", "true"));
        assertThat(pages.get(registry.alias(), sun, LinkedPerson.class)).isEmpty();

        deliverOk(line("source", "CENSUS", "sourceId", "C-O", "sourceDate", "2020-11-01", "idNumber", sun, "name", "孙 丽",
                "residenceStreetCode", "110101012"));
        JsonNode linked = linked(sun);
        assertField(linked, "name", "孙丽", "HOUSEHOLD_REGISTRATION", "HR-O");
        assertField(linked, "residenceStreetCode", "110101012", "CENSUS", "C-O");
        assertThat(linked.path("sources")).hasSize(2);

        // the failed upload sent again: nothing left to change
        JsonNode retry = deliverOk(household);
        assertThat(retry.path("unchanged").asInt()).isEqualTo(1);
    }

    @Test
    void theKeysOfAPersonsStoredRecordsAreFoundWhetherTheyFitInOneSearchOrNot() {
        String he = id("11010119880808030");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lines.add(line("source", "SAMPLE_SURVEY", "sourceId", "S-H" + i, "sourceDate", "2016-05-0" + (i + 1),
                    "idNumber", he, "residenceStreetCode", "110101015"));
        }
        deliverOk(lines.toArray(String[]::new));
        List<String> expected = List.of("SAMPLE_SURVEY:S-H0", "SAMPLE_SURVEY:S-H1", "SAMPLE_SURVEY:S-H2", "SAMPLE_SURVEY:S-H3",
                "SAMPLE_SURVEY:S-H4");

        // one search answers at most the limit; with exactly that many hits or more, the rest come from a scan
        for (int limit : new int[] {10, 5, 2}) {
            assertThat(pages.keywords(sources.alias(), PersonSources.recordsOf(List.of(he)), "key", limit))
                    .as("limit %d", limit).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** Zhou's census record, then an upload giving it to Wu together with Wu's household registration. */
    record MovedRecord(String zhou, String wu, LinkedPerson zhouBefore, JsonNode report) {
    }

    MovedRecord deliverARecordMovingToAnotherIdNumber() {
        String zhou = id("11010119770707011");
        String wu = id("11010119770707020");
        deliverOk(line("source", "CENSUS", "sourceId", "C-Z", "sourceDate", "2020-11-01", "idNumber", zhou, "name", "周杰",
                "residenceStreetCode", "110101013"));
        LinkedPerson before = pages.get(registry.alias(), zhou, LinkedPerson.class).orElseThrow();
        JsonNode report = deliverOk(
                line("source", "CENSUS", "sourceId", "C-Z", "sourceDate", "2020-11-01", "idNumber", wu, "name", "吴芳",
                        "residenceStreetCode", "110101014"),
                line("source", "HOUSEHOLD_REGISTRATION", "sourceId", "HR-W", "sourceDate", "2019-01-01", "idNumber", wu,
                        "name", "吴芳", "hukouPlace", "110101", "registrationStreetCode", "110101014"));
        return new MovedRecord(zhou, wu, before, report);
    }

    @Test
    void aSourceRecordDeliveredAgainUnderAnotherIdNumberIsRejectedAndBothPersonsStayAsTheyWere() {
        MovedRecord moved = deliverARecordMovingToAnotherIdNumber();

        assertThat(moved.report().path("accepted").asInt()).isZero();
        assertThat(moved.report().path("rejected").get(0).path("reason").asText()).contains("belongs to another ID number");
        assertThat(pages.get(registry.alias(), moved.zhou(), LinkedPerson.class).orElseThrow()).isEqualTo(moved.zhouBefore());
        assertThat(pages.get(registry.alias(), moved.wu(), LinkedPerson.class)).isEmpty();
        assertThat(pages.get(sources.alias(), "CENSUS:C-Z", SourceRecord.class).orElseThrow().idNumber()).isEqualTo(moved.zhou());
        assertThat(pages.get(sources.alias(), "HOUSEHOLD_REGISTRATION:HR-W", SourceRecord.class)).isEmpty();
    }

    /**
     * One upload gives a record to one person and then the same record to another. In one batch both persons' lines
     * are refused; in consecutive batches ({@link PersonSourcesAcrossBatchesIT}) the second batch must read the record
     * the first one stores — while it is being stored — and refuse the move.
     */
    @Test
    void aSourceRecordGivenToAnotherIdNumberLaterInTheSameUploadIsRejected() {
        String zheng = id("11010119780808011");
        String wang = id("11010119780808020");
        JsonNode report = deliverOk(
                line("source", "CENSUS", "sourceId", "C-ZH", "sourceDate", "2020-11-01", "idNumber", zheng, "name", "郑明",
                        "residenceStreetCode", "110101013"),
                line("source", "CENSUS", "sourceId", "C-ZH", "sourceDate", "2020-11-01", "idNumber", wang, "name", "王丽",
                        "residenceStreetCode", "110101014"));

        assertThat(report.path("rejected").findValuesAsText("line")).contains("2");
        assertThat(report.path("rejected").toString()).contains("belongs to another ID number");
        assertThat(pages.get(registry.alias(), wang, LinkedPerson.class)).isEmpty();
        pages.get(sources.alias(), "CENSUS:C-ZH", SourceRecord.class)
                .ifPresent(record -> assertThat(record.idNumber()).isEqualTo(zheng));
    }
}
