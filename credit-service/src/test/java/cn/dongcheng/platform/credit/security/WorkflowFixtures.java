package cn.dongcheng.platform.credit.security;

import cn.dongcheng.platform.common.security.CallerRole;
import cn.dongcheng.platform.testing.AccessMatrixContract;
import cn.dongcheng.platform.testing.AccessMatrixContract.Example;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.TestIdentityProvider;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static cn.dongcheng.platform.testing.AccessMatrixContract.Request.get;
import static cn.dongcheng.platform.testing.AccessMatrixContract.Request.postJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records and applications the repair, objection and spot-check rows act on: for the enterprise and the citizen of
 * the test tokens, one record each to apply about, one open application each to read and decide, and somebody
 * else's record (the subject an "own" cell refuses).
 */
final class WorkflowFixtures {

    private static final String DEPARTMENT = "东城区发展改革委";
    private final Map<CallerRole, String> repairApplications;
    private final Map<CallerRole, String> objections;

    private WorkflowFixtures(Map<CallerRole, String> repairApplications, Map<CallerRole, String> objections) {
        this.repairApplications = repairApplications;
        this.objections = objections;
    }

    static WorkflowFixtures load(ApiClient api) {
        String enterprise = "\"uscc\":\"" + TestIdentityProvider.enterpriseCode() + "\",\"subjectName\":\"北京示范科技有限公司\"";
        String citizen = "\"idNumber\":\"" + TestIdentityProvider.citizenIdNumber() + "\",\"subjectName\":\"张三\"";
        String other = "\"uscc\":\"" + AccessMatrixIT.OTHER + "\",\"subjectName\":\"北京别家科技有限公司\"";
        StringBuilder lines = new StringBuilder();
        for (String suffix : new String[]{"REPAIR", "OBJECTION", "VIEW-R", "VIEW-O"}) {
            lines.append(penalty("ENTERPRISE-" + suffix, enterprise)).append(penalty("CITIZEN-" + suffix, citizen));
        }
        lines.append(penalty("OTHER", other));
        HttpResponse<String> loaded = api.postNdjson("/v1/records:bulk?refresh=true", lines.toString(), "CREDIT_OFFICER");
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(200);
        assertThat(ApiClient.json(loaded).path("rejectedCount").asLong()).as(loaded.body()).isZero();
        return new WorkflowFixtures(
                Map.of(CallerRole.ENTERPRISE, file(api, "repairs", "ENTERPRISE-VIEW-R", "ENTERPRISE"),
                        CallerRole.CITIZEN, file(api, "repairs", "CITIZEN-VIEW-R", "CITIZEN")),
                Map.of(CallerRole.ENTERPRISE, file(api, "objections", "ENTERPRISE-VIEW-O", "ENTERPRISE"),
                        CallerRole.CITIZEN, file(api, "objections", "CITIZEN-VIEW-O", "CITIZEN")));
    }

    /** The examples as {@code role} sends them: the enterprise's fixtures for every role but the citizen. */
    Map<String, Example> examples(CallerRole role) {
        CallerRole own = role == CallerRole.CITIZEN ? CallerRole.CITIZEN : CallerRole.ENTERPRISE;
        CallerRole notOwn = own == CallerRole.CITIZEN ? CallerRole.ENTERPRISE : CallerRole.CITIZEN;
        return Map.of(
                "POST /v1/repairs", about(apply("repairs", "commitment", own.name() + "-REPAIR"), apply("repairs", "commitment", "OTHER")),
                "GET /v1/repairs", Example.of(get("/v1/repairs?state=APPLIED")),
                "GET /v1/repairs/{id}", about(get("/v1/repairs/" + repairApplications.get(own)),
                        get("/v1/repairs/" + repairApplications.get(notOwn))),
                "POST /v1/repairs/{id}/decision", Example.of(decision("repairs", repairApplications.get(CallerRole.ENTERPRISE))),
                "POST /v1/objections", about(apply("objections", "grounds", own.name() + "-OBJECTION"), apply("objections", "grounds", "OTHER")),
                "GET /v1/objections", Example.of(get("/v1/objections?overdue=true")),
                "GET /v1/objections/{id}", about(get("/v1/objections/" + objections.get(own)),
                        get("/v1/objections/" + objections.get(notOwn))),
                "POST /v1/objections/{id}/decision", Example.of(decision("objections", objections.get(CallerRole.ENTERPRISE))),
                // the same result from both roles allowed: the second delivery is answered 200 as a duplicate
                "POST /v1/spot-check-results", Example.of(postJson("/v1/spot-check-results", "{\"results\":[{\"taskId\":\"2026-DC-R1\","
                        + "\"uscc\":\"" + AccessMatrixIT.OTHER + "\",\"inspectionDate\":\"2026-05-12\",\"outcome\":\"NO_PROBLEM_FOUND\","
                        + "\"department\":\"北京市东城区市场监督管理局\",\"sourceId\":\"R1-0001\"}]}")));
    }

    private static Example about(AccessMatrixContract.Request own, AccessMatrixContract.Request other) {
        return Example.about(own, other, null);
    }

    private static String penalty(String sourceId, String subject) {
        return "{\"sourceDepartment\":\"" + DEPARTMENT + "\",\"sourceId\":\"" + sourceId + "\"," + subject + ",\"category\":\"ADMINISTRATIVE_PENALTY\","
                + "\"decisionDate\":\"" + LocalDate.now(ZoneId.of("Asia/Shanghai")).minusMonths(4) + "\",\"authority\":\"北京市东城区发展和改革委员会\","
                + "\"severity\":\"GENERAL\",\"regime\":\"GENERAL\",\"amount\":\"500\"}\n";
    }

    private static AccessMatrixContract.Request apply(String kind, String statement, String sourceId) {
        return postJson("/v1/" + kind, "{\"recordId\":\"" + DEPARTMENT + ":" + sourceId + "\",\"" + statement + "\":\"承诺依法经营\"}");
    }

    private static AccessMatrixContract.Request decision(String kind, String id) {
        return postJson("/v1/" + kind + "/" + id + "/decision", "{\"decision\":\"REJECT\",\"reason\":\"不符合条件\"}");
    }

    private static String file(ApiClient api, String kind, String sourceId, String role) {
        HttpResponse<String> r = api.postJson(apply(kind, kind.equals("repairs") ? "commitment" : "grounds", sourceId).path(),
                apply(kind, kind.equals("repairs") ? "commitment" : "grounds", sourceId).body(), role);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ApiClient.json(r).path("applicationId").asText();
    }
}
