package cn.dongcheng.platform.supervision.support;

import cn.dongcheng.platform.testing.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Items, a plan and tasks as a regulator sets them up, through the real API. */
public final class SpotCheckFixture {

    public static final String SAMR = "北京市东城区市场监督管理局";
    public static final String HEALTH = "北京市东城区卫生健康委员会";
    /** Enterprises only; A 1 %, D 50 %; at least 2, at most 40 per stratum; a year's frequency window. */
    public static final String FOOD = "DC-SCJG-201";
    /** The health commission's item, 3 % of any entity, no bounds, no window. */
    public static final String HEALTH_ITEM = "DC-WSJK-201";

    private final ApiClient api;
    private final Clock clock;

    public SpotCheckFixture(ApiClient api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    public void itemsAndPlan(String planYear) {
        String items = "{\"code\":\"" + FOOD + "\",\"name\":\"食品经营者检查\",\"legalBasis\":\"《中华人民共和国食品安全法》第一百一十条\","
                + "\"inspectingBody\":\"" + SAMR + "\",\"targetType\":\"ENTERPRISE\",\"frequencyWindowDays\":365,\"minSample\":2,"
                + "\"maxSample\":40,\"ratioByRiskClass\":{\"A\":0.01,\"B\":0.1,\"C\":0.3,\"D\":0.5}}\n"
                + "{\"code\":\"" + HEALTH_ITEM + "\",\"name\":\"公共场所卫生检查\",\"legalBasis\":\"《公共场所卫生管理条例》\","
                + "\"inspectingBody\":\"" + HEALTH + "\",\"targetType\":\"ALL\",\"ratioPercent\":3}\n";
        HttpResponse<String> r = api.postNdjson("/v1/inspection-items:bulk?refresh=true", items, "REGULATOR");
        assertThat(ApiClient.json(r).path("accepted").asInt()).as(r.body()).isEqualTo(2);
        HttpResponse<String> plan = api.postJson("/v1/inspection-plans", planBody(planYear, "SCJG", SAMR), "REGULATOR");
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
    }

    public static String planBody(String year, String code, String department) {
        return "{\"year\":" + year + ",\"departmentCode\":\"" + code + "\",\"department\":\"" + department
                + "\",\"title\":\"年度双随机抽查计划\"}";
    }

    /** Sources enterable {@code after} from the service's now, Beijing time without offset. */
    public String taskBody(int batch, String legalBasis, String items, Duration after) {
        return taskBody(batch, legalBasis, items, after, "{\"streetCode\":\"110101006\"}");
    }

    /** As {@link #taskBody(int, String, String, Duration)} with the given target filters (JSON object). */
    public String taskBody(int batch, String legalBasis, String items, Duration after, String targets) {
        String at = LocalDateTime.now(clock).plus(after).truncatedTo(ChronoUnit.SECONDS).toString();
        return "{\"batch\":" + batch + ",\"name\":\"第" + batch + "批抽查\"," + (legalBasis == null ? "" : "\"legalBasis\":\"" + legalBasis + "\",")
                + "\"items\":" + items + ",\"targets\":" + targets + ","
                + "\"randomSources\":[{\"name\":\"中国福利彩票3D 第2026330期 开奖号码\"},{\"name\":\"北京快乐8 第2026330期 开奖号码\"}],"
                + "\"sourcesEnterableAfter\":\"" + at + "\"}";
    }

    public JsonNode createTask(String planId, String body) {
        HttpResponse<String> r = api.postJson("/v1/inspection-plans/" + planId + "/tasks", body, "REGULATOR");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ApiClient.json(r);
    }

    public JsonNode freeze(String taskId) {
        HttpResponse<String> r = api.postJson("/v1/spot-check-tasks/" + taskId + "/pool", "", "REGULATOR");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ApiClient.json(r);
    }

    public static final String SOURCES = "{\"sources\":[[9, 3, 1], [80, 5, 17, 44, 2, 63, 31, 70, 12, 9, 58, 27, 36, 21, 66, 48, 75, 39, 54, 6]]}";

    public HttpResponse<String> enterSources(String taskId, String body) {
        return api.postJson("/v1/spot-check-tasks/" + taskId + "/random-sources", body, "REGULATOR");
    }

    public HttpResponse<String> draw(String taskId) {
        return api.postJson("/v1/spot-check-tasks/" + taskId + "/draw", "", "REGULATOR");
    }
}
