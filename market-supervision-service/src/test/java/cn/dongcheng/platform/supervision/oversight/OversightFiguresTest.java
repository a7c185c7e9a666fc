package cn.dongcheng.platform.supervision.oversight;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OversightFiguresTest {

    /** Pool: A 200 (n 2), B 40 (n 4), C 9 (n 3); nothing drawn in A yet. */
    private static TaskFigures firstBatch() {
        return OversightFigures.task("2026-SCJG-B01", Map.of("A", 200, "B", 40, "C", 9), Map.of("A", 2, "B", 4, "C", 3),
                Map.of("B", new StratumCounts(4, 3, 1, 1, 0), "C", new StratumCounts(3, 3, 2, 0, 1)));
    }

    @Test
    void eachStratumHasCoverageAchievedRatioAndFindingsRate() {
        TaskFigures task = firstBatch();
        assertThat(task.frozen()).isTrue();
        assertThat(task.strata()).extracting(FigureRow::stratum).containsExactly("A", "B", "C");
        FigureRow a = task.strata().get(0);
        assertThat(a.coverage()).isEqualByComparingTo("0");
        assertThat(a.achievedRatio()).isEqualByComparingTo("0");
        assertThat(a.findingsRate()).as("no result entered: no rate").isNull();
        FigureRow b = task.strata().get(1);
        assertThat(b.coverage()).isEqualByComparingTo("0.1");          // 4 ÷ 40
        assertThat(b.achievedRatio()).isEqualByComparingTo("0.75");    // 3 ÷ 4
        assertThat(b.findingsRate()).isEqualByComparingTo("0.3333");   // 1 ÷ 3
        FigureRow c = task.strata().get(2);
        assertThat(c.coverage()).isEqualByComparingTo("0.3333");       // 3 ÷ 9
        assertThat(c.achievedRatio()).isEqualByComparingTo("1");
        assertThat(c.findingsRate()).isEqualByComparingTo("0.6667");   // 2 ÷ 3
    }

    @Test
    void totalsAreRatiosOfSumsNotAveragesOfRatios() {
        FigureRow total = firstBatch().total();
        assertThat(total.poolSize()).isEqualTo(249);
        assertThat(total.plannedSample()).isEqualTo(9);
        assertThat(total.drawn()).isEqualTo(7);
        assertThat(total.resultsEntered()).isEqualTo(6);
        assertThat(total.coverage()).isEqualByComparingTo("0.0281");       // 7 ÷ 249
        assertThat(total.achievedRatio()).isEqualByComparingTo("0.6667");  // 6 ÷ 9
        assertThat(total.findingsRate()).isEqualByComparingTo("0.5");      // 3 ÷ 6
        assertThat(total.overdue()).isEqualTo(1);
        assertThat(total.enteredLate()).isEqualTo(1);
    }

    @Test
    void aPlanSumsItsTasksAndATaskNotFrozenYetCountsAsNothingPlanned() {
        TaskFigures notFrozen = OversightFigures.task("2026-SCJG-B02", Map.of(), Map.of(), Map.of());
        assertThat(notFrozen.frozen()).isFalse();
        assertThat(notFrozen.total().coverage()).isNull();
        TaskFigures second = OversightFigures.task("2026-SCJG-B03", Map.of("D", 10), Map.of("D", 5),
                Map.of("D", new StratumCounts(5, 2, 0, 2, 2)));

        PlanFigures plan = OversightFigures.plan(OversightFigures.Scope.plan("2026-SCJG"), "2026-11-30", List.of(firstBatch(), notFrozen, second),
                Map.of(), Map.of());
        FigureRow total = plan.total();
        assertThat(total.poolSize()).isEqualTo(259);
        assertThat(total.plannedSample()).isEqualTo(14);
        assertThat(total.drawn()).isEqualTo(12);
        assertThat(total.resultsEntered()).isEqualTo(8);
        assertThat(total.problemsFound()).isEqualTo(3);
        assertThat(total.coverage()).isEqualByComparingTo(new BigDecimal("0.0463"));  // 12 ÷ 259
        assertThat(total.achievedRatio()).isEqualByComparingTo("0.5714");            // 8 ÷ 14
        assertThat(total.findingsRate()).isEqualByComparingTo("0.375");              // 3 ÷ 8
        assertThat(total.overdue()).isEqualTo(3);
        assertThat(total.enteredLate()).isEqualTo(3);
    }

    @Test
    void findingsByStreetAndSectionAreEachGroupsOwnProblemsOverItsOwnResultsInCodeOrder() {
        // 东华门 110101002: 7 drawn, 6 entered, 2 with problems; 建国门 110101004: 3 drawn, none entered yet;
        // 景山 110101001: 5 drawn, 5 entered, 4 with problems. Section F: 12 entered, 5 problems; section I: 1 entered, 1 problem.
        Map<String, GroupCounts> byStreet = Map.of("110101002", new GroupCounts(7, 6, 2), "110101004", new GroupCounts(3, 0, 0),
                "110101001", new GroupCounts(5, 5, 4));
        Map<String, GroupCounts> bySection = Map.of("I", new GroupCounts(1, 1, 1), "F", new GroupCounts(14, 12, 5));

        PlanFigures plan = OversightFigures.plan(OversightFigures.Scope.departmentYear("SCJG", 2026), "2026-11-30", List.of(firstBatch()),
                bySection, byStreet);

        assertThat(plan.planId()).isNull();
        assertThat(plan.department()).isEqualTo("SCJG");
        assertThat(plan.year()).isEqualTo(2026);
        assertThat(plan.byStreet()).extracting(FindingsRow::group).containsExactly("110101001", "110101002", "110101004");
        assertThat(plan.byStreet().get(0).findingsRate()).isEqualByComparingTo("0.8");      // 4 ÷ 5
        assertThat(plan.byStreet().get(1).findingsRate()).isEqualByComparingTo("0.3333");   // 2 ÷ 6
        assertThat(plan.byStreet().get(2).findingsRate()).as("nothing entered: no rate").isNull();
        assertThat(plan.byStreet().get(2).drawn()).isEqualTo(3);
        assertThat(plan.byIndustrySection()).extracting(FindingsRow::group).containsExactly("F", "I");
        assertThat(plan.byIndustrySection().get(0).findingsRate()).isEqualByComparingTo("0.4167"); // 5 ÷ 12
        assertThat(plan.byIndustrySection().get(0).resultsEntered()).isEqualTo(12);
        assertThat(plan.byIndustrySection().get(1).findingsRate()).isEqualByComparingTo("1");
    }
}
