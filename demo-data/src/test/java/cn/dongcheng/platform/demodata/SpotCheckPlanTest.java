package cn.dongcheng.platform.demodata;

import cn.dongcheng.platform.supervision.inspector.InspectorInput;
import cn.dongcheng.platform.supervision.item.InspectionItem;
import cn.dongcheng.platform.supervision.item.InspectionItemValidator;
import cn.dongcheng.platform.supervision.plan.InspectionPlan;
import cn.dongcheng.platform.supervision.task.SpotCheckTask;
import cn.dongcheng.platform.supervision.task.TaskInput;
import cn.dongcheng.platform.supervision.task.TaskItem;
import cn.dongcheng.platform.supervision.task.TaskValidator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's year of spot checks is one the service accepts, staffed by the directory, with results that vary. */
class SpotCheckPlanTest {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 30, 12, 0, 0, 0, ZoneOffset.ofHours(8));

    @ParameterizedTest
    @EnumSource(Scale.class)
    void everyPlannedTaskPassesTheServicesTaskValidatorAndJointTasksSpanDepartments(Scale scale) throws Exception {
        SupervisionData data = new SupervisionData();
        Map<String, InspectionItem> items = items(data);
        List<PlannedTask> planned = SpotCheckPlan.of(data.catalogue(), scale, 2026, DemoDataCommand.DEFAULT_SEED);

        int market = SpotCheckPlan.marketBatches(scale);
        assertThat(planned.stream().filter(t -> t.department().equals("SCJG")).count()).isEqualTo(market + 1); // + its joint task
        assertThat(planned.stream().map(PlannedTask::department).distinct()).containsExactly("SCJG", "WSJK", "WHLY", "YJGL", "XFJY");
        Set<String> ids = new HashSet<>();
        int joint = 0;
        for (PlannedTask task : planned) {
            InspectionPlan plan = new InspectionPlan(task.planId(), 2026, task.department(), data.departmentName(task.department()),
                    "计划", NOW.toString(), "market.regulator.demo");
            SpotCheckTask valid = TaskValidator.validate(JSON.treeToValue(task.body(NOW.plusSeconds(SpotCheckLoader.ANNOUNCE_AHEAD_SECONDS)),
                    TaskInput.class), plan, code -> Optional.ofNullable(items.get(code)), NOW, "market.regulator.demo");
            assertThat(ids.add(valid.taskId())).as("one task per batch: " + valid.taskId()).isTrue();
            joint += valid.joint() ? 1 : 0;
            assertThat(task.streetCode() != null || task.section() != null).as("every pool is one street's or one trade's").isTrue();
            if (scale == Scale.CITY) {
                assertThat(task.streetCode()).as("at city scale every pool is one street's").isNotNull();
            }
        }
        assertThat(joint).isEqualTo(data.catalogue().path("jointTasks").size());
    }

    @Test
    void everyQualificationAnItemNeedsIsHeldByActiveOfficersOfItsDepartment() throws Exception {
        SupervisionData data = new SupervisionData();
        List<String> lines = new ArrayList<>();
        data.inspectors(List.of(), DemoDataCommand.DEFAULT_SEED + 4, lines::add);
        Map<String, Integer> holders = new HashMap<>();
        for (String line : lines) {
            InspectorInput inspector = JSON.readValue(line, InspectorInput.class);
            if ("ACTIVE".equals(inspector.status())) {
                inspector.qualifications().forEach(q -> holders.merge(inspector.department() + "|" + q, 1, Integer::sum));
            }
        }
        for (InspectionItem item : items(data).values()) {
            assertThat(holders.getOrDefault(item.inspectingBody() + "|" + item.qualification(), 0))
                    .as(item.code() + " needs " + item.qualification()).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void outcomesFollowTheSharesWithMoreProblemsAtHigherRiskAndSomeInspectionsStillOpen() {
        SupervisionData data = new SupervisionData();
        PlannedTask task = SpotCheckPlan.of(data.catalogue(), Scale.SMALL, 2026, 1).get(0);
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> problemsByClass = new HashMap<>();
        for (int i = 0; i < 4_000; i++) {
            String riskClass = i % 2 == 0 ? "A" : "D";
            JsonNode target = JSON.createObjectNode().put("targetId", "2026-SCJG-B01:" + i).put("riskClass", riskClass)
                    .put("streetCode", "110101005").put("industrySection", "M");
            SpotCheckOutcomes.Result result = SpotCheckOutcomes.of(data.catalogue(), task, target, 20201101L);
            counts.merge(result == null ? "OPEN" : result.outcome(), 1, Integer::sum);
            if (result != null && result.outcome().equals(SpotCheckOutcomes.PROBLEMS_FOUND)) {
                problemsByClass.merge(riskClass, 1, Integer::sum);
                assertThat(result.details()).isNotBlank();
            }
            assertThat(SpotCheckOutcomes.of(data.catalogue(), task, target, 20201101L)).as("decided by seed and target").isEqualTo(result);
        }
        assertThat(counts.get("OPEN")).isBetween(240, 400);   // 8 % of 4,000
        assertThat(counts).containsKeys("NO_PROBLEM_FOUND", "PROBLEMS_FOUND", "NOT_AT_REGISTERED_ADDRESS", "CLOSED");
        assertThat(problemsByClass.get("D")).isGreaterThan(2 * problemsByClass.get("A"));
    }

    private static Map<String, InspectionItem> items(SupervisionData data) throws Exception {
        Map<String, InspectionItem> items = new HashMap<>();
        List<String> lines = new ArrayList<>();
        data.inspectionItems(lines::add);
        for (String line : lines) {
            InspectionItem item = InspectionItemValidator.validate(JSON.readValue(line, InspectionItem.class), NOW.toString());
            items.put(item.code(), item);
        }
        return items;
    }
}
