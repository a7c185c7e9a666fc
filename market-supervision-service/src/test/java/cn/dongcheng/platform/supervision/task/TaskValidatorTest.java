package cn.dongcheng.platform.supervision.task;

import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.supervision.item.InspectionItem;
import cn.dongcheng.platform.supervision.item.RiskClassRatios;
import cn.dongcheng.platform.supervision.item.TargetType;
import cn.dongcheng.platform.supervision.plan.InspectionPlan;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class TaskValidatorTest {

    static final String SAMR = "北京市东城区市场监督管理局";
    static final String HEALTH = "北京市东城区卫生健康委员会";
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-30T10:00+08:00");
    static final InspectionPlan PLAN = new InspectionPlan("2026-SCJG", 2026, "SCJG", SAMR, "plan", NOW.toString(), "r");

    static InspectionItem item(String code, String body, boolean key, TargetType type, RiskClassRatios ratios, Integer min, Integer max) {
        return new InspectionItem(code, "n", "basis", body, null, null, key, type, 3, ratios, 1, 365, min, max, null, null, 2, null);
    }

    static final Map<String, InspectionItem> ITEMS = Map.of(
            "DC-FOOD", item("DC-FOOD", SAMR, false, TargetType.ENTERPRISE, ratios("0.05", "0.2", "0.4", "0.6"), 2, 50),
            "DC-HEALTH", item("DC-HEALTH", HEALTH, false, TargetType.ALL, null, null, null),
            "DC-SAFETY", item("DC-SAFETY", SAMR, true, TargetType.ALL, ratios("0.1", "0.1", "0.1", "0.1"), null, null),
            "DC-SHOPS", item("DC-SHOPS", SAMR, false, TargetType.INDIVIDUAL_BUSINESS, null, null, null));

    static RiskClassRatios ratios(String a, String b, String c, String d) {
        return new RiskClassRatios(new BigDecimal(a), new BigDecimal(b), new BigDecimal(c), new BigDecimal(d));
    }

    static TaskInput input(String legalBasis, List<String> items, RiskClassRatios ratios, String after) {
        return new TaskInput(1, "第一批", legalBasis, items, null, ratios,
                List.of(new AnnouncedSource("福彩3D 2026330期", null)), after);
    }

    static SpotCheckTask validate(TaskInput in) {
        return TaskValidator.validate(in, PLAN, code -> Optional.ofNullable(ITEMS.get(code)), NOW, "regulator");
    }

    static List<String> fields(TaskInput in) {
        return catchThrowableOfType(InvalidInputException.class, () -> validate(in)).problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void aJointTaskRecordsItemVersionsAndEveryDepartmentLeadFirst() {
        SpotCheckTask task = validate(input("《食品安全法》", List.of("dc-food", "DC-HEALTH"), null, "2026-12-01T21:30"));
        assertThat(task.taskId()).isEqualTo("2026-SCJG-B01");
        assertThat(task.joint()).isTrue();
        assertThat(task.departments()).containsExactly(SAMR, HEALTH);
        assertThat(task.items()).extracting(TaskItem::code, TaskItem::version).containsExactly(
                tuple("DC-FOOD", 2), tuple("DC-HEALTH", 2));
        assertThat(task.targets().entityType()).as("the narrowest type every item applies to").isEqualTo(TargetType.ENTERPRISE);
        assertThat(task.targets().status()).isEqualTo("ACTIVE");
        assertThat(task.sourcesEnterableAfter()).isEqualTo("2026-12-01T21:30+08:00");
    }

    @Test
    void noLegalBasisNoTask() {
        assertThat(fields(input(" ", List.of("DC-FOOD"), null, "2026-12-01T21:30"))).containsExactly("legalBasis");
    }

    @Test
    void ratiosOutsideZeroToOneOrAboveAGeneralItemsRatioAreRefused() {
        assertThat(fields(input("b", List.of("DC-FOOD"), ratios("0.05", "1.5", "-0.1", "0.6"), "2026-12-01T21:30")))
                .containsExactly("ratioByRiskClass.B", "ratioByRiskClass.C");
        assertThat(fields(input("b", List.of("DC-FOOD"), ratios("0.06", "0.2", "0.4", "0.6"), "2026-12-01T21:30")))
                .as("general items' ratios are caps").containsExactly("ratioByRiskClass.A");
        assertThat(validate(input("b", List.of("DC-SAFETY"), ratios("0.9", "0.9", "0.9", "1"), "2026-12-01T21:30"))
                .ratioByRiskClass().d()).as("key items have no cap").isEqualByComparingTo("1");
    }

    @Test
    void sourcesMustStillBeUnknownAndItemsPublishedAndTheirTypesCompatible() {
        assertThat(fields(input("b", List.of("DC-FOOD"), null, "2026-11-30T09:59"))).containsExactly("sourcesEnterableAfter");
        assertThat(fields(input("b", List.of("DC-FOOD"), null, "tomorrow"))).containsExactly("sourcesEnterableAfter");
        assertThat(fields(input("b", List.of("DC-FOOD", "DC-NOPE", "DC-FOOD"), null, "2026-12-01T21:30")))
                .containsExactly("items[1]", "items[2]");
        assertThat(fields(input("b", List.of("DC-HEALTH"), null, "2026-12-01T21:30")))
                .as("a plan's task needs one of its own department's items").containsExactly("items");
        assertThat(fields(input("b", List.of("DC-FOOD", "DC-SHOPS"), null, "2026-12-01T21:30"))).contains("targets.entityType");
    }
}
