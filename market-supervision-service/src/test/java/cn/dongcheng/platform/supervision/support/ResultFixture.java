package cn.dongcheng.platform.supervision.support;

import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.JwtForgery;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Inspectors, a qualified item and the calls of assignment and results, as a regulator and inspectors make them. */
public final class ResultFixture {

    /** The market regulator's food-licensing item: enterprises, at least 2 per stratum, no frequency window; needs FOOD_SAFETY. */
    public static final String LICENSING = "DC-SCJG-301";
    public static final String QUALIFICATION = "FOOD_SAFETY";

    private final ApiClient api;

    public ResultFixture(ApiClient api) {
        this.api = api;
    }

    public void licensingItem() {
        String item = "{\"code\":\"" + LICENSING + "\",\"name\":\"食品经营许可检查\",\"legalBasis\":\"《中华人民共和国食品安全法》第三十五条\","
                + "\"inspectingBody\":\"" + SpotCheckFixture.SAMR + "\",\"targetType\":\"ENTERPRISE\",\"minSample\":2,\"maxSample\":40,"
                + "\"ratioByRiskClass\":{\"A\":0.01,\"B\":0.1,\"C\":0.3,\"D\":0.5},\"qualification\":\"" + QUALIFICATION + "\"}\n";
        HttpResponse<String> r = api.postNdjson("/v1/inspection-items:bulk?refresh=true", item, "REGULATOR");
        assertThat(ApiClient.json(r).path("accepted").asInt()).as(r.body()).isEqualTo(1);
    }

    /** One officer of the market regulator. */
    public static String inspector(String badge, String status, List<String> qualifications, List<String> conflicts, int cap) {
        return "{\"badgeNumber\":\"" + badge + "\",\"name\":\"李检查\",\"department\":\"" + SpotCheckFixture.SAMR + "\","
                + "\"qualifications\":[" + qualifications.stream().map(q -> "\"" + q + "\"").collect(Collectors.joining(",")) + "],"
                + "\"status\":\"" + status + "\",\"workloadCap\":" + cap + ",\"conflicts\":["
                + conflicts.stream().map(c -> "{\"uscc\":\"" + c + "\",\"reason\":\"亲属任职\"}").collect(Collectors.joining(",")) + "]}\n";
    }

    public void inspectors(String... lines) {
        HttpResponse<String> r = api.postNdjson("/v1/inspectors:bulk?refresh=true", String.join("", lines), "REGULATOR");
        assertThat(ApiClient.json(r).path("accepted").asInt()).as(r.body()).isEqualTo(lines.length);
    }

    public HttpResponse<String> assign(String taskId) {
        return api.postJson("/v1/spot-check-tasks/" + taskId + "/assignment", "", "REGULATOR");
    }

    /** The drawn targets' codes, in target-id order. */
    public List<String> targets(String taskId) {
        JsonNode page = ApiClient.json(api.get("/v1/spot-check-tasks/" + taskId + "/targets?size=100", "REGULATOR"));
        return StreamSupport.stream(page.path("items").spliterator(), false).map(t -> t.path("uscc").asText()).toList();
    }

    /** As the demo inspector (account mapped to DC-0001 in application.yml). */
    public HttpResponse<String> enter(String taskId, String uscc, String body) {
        return api.postJson(path(taskId, uscc), body, "INSPECTOR");
    }

    /** As an inspector whose account is named by its badge (a token the issuer signed, subject = badge). */
    public HttpResponse<String> enterAs(String badge, String taskId, String uscc, String body) {
        String token = JwtForgery.signedByIssuer(JwtForgery.claims("INSPECTOR").subject(badge).build());
        return api.postJsonWithToken(path(taskId, uscc), body, token, Map.of());
    }

    public static String path(String taskId, String uscc) {
        return "/v1/spot-check-tasks/" + taskId + "/targets/" + uscc + "/result";
    }

    public static String result(String outcome, String details, String end) {
        return "{\"outcome\":\"" + outcome + "\"," + (details == null ? "" : "\"details\":\"" + details + "\",") + "\"inspectionEndDate\":\"" + end + "\"}";
    }
}
