package cn.dongcheng.platform.credit.grade;

import cn.dongcheng.platform.credit.publication.PublicationWindow;
import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.publication.Severity;
import cn.dongcheng.platform.credit.record.CreditRecordCategory;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;
import cn.dongcheng.platform.credit.record.SubjectType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** The scorecard file in force: explanations that add up over generated record sets, thresholds and limits. */
class ScorecardTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

    static Scorecard scorecard() {
        try (InputStream in = ScorecardTest.class.getResourceAsStream("/credit/scorecard-v1.json")) {
            return Scorecard.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CreditRecordDocument record(String id, CreditRecordCategory category, Severity severity, LocalDate decided,
                                       LocalDate latestEnd, RecordStatus status, LocalDate statusDate) {
        return new CreditRecordDocument(id, SubjectType.LEGAL_PERSON, "91350100M000100Y43", null, "测试", category, "dept", id,
                "No." + id, decided, "authority", null, null, severity, null, null, null, status, statusDate,
                new PublicationWindow(decided, null, decided, latestEnd, "publication-rules-v1", "test"), 1, null, null);
    }

    @Test
    void noRecordsGivesTheBaselineOf800GradeBRiskClassA() {
        Grade g = scorecard().baseline(AS_OF);
        assertThat(g.score()).isEqualTo(800);
        assertThat(g.grade()).isEqualTo(CreditGrade.B);
        assertThat(g.riskClass()).isEqualTo(RiskClass.A);
        assertThat(g.ruleVersion()).isEqualTo("scorecard-v1");
        assertThat(g.dimensions()).extracting(Grade.DimensionScore::label).containsExactly("遵纪守法", "履约践诺", "资质荣誉", "社会责任", "监管风险");
        assertThat(g.dimensions()).allSatisfy(d -> assertThat(d.lines()).singleElement()
                .satisfies(l -> assertThat(l.kind()).isEqualTo(Grade.LineKind.BASELINE)));
    }

    @Test
    void everyRecordIsListedWithItsPointsPerDimension() {
        Grade g = scorecard().grade(List.of(
                record("P1", CreditRecordCategory.ADMINISTRATIVE_PENALTY, Severity.SERIOUS, AS_OF.minusMonths(2), null, null, null),
                record("R1", CreditRecordCategory.RED_LIST, null, AS_OF.minusYears(1), null, RecordStatus.UNDER_OBJECTION, AS_OF)), AS_OF);
        // 350−150 + 200 + 50+50 + 80+10 + 120−30
        assertThat(g.score()).isEqualTo(680);
        assertThat(g.grade()).isEqualTo(CreditGrade.C);
        assertThat(g.riskClass()).isEqualTo(RiskClass.B);
        Grade.DimensionScore compliance = g.dimensions().get(0);
        assertThat(compliance.lines()).extracting(Grade.Line::recordId, Grade.Line::points, Grade.Line::rule)
                .containsExactly(tuple(null, 350, "scorecard-v1 COMPLIANCE baseline"),
                        tuple("P1", -150, "scorecard-v1 ADMINISTRATIVE_PENALTY.SERIOUS"));
        assertThat(g.dimensions().get(2).lines()).filteredOn(l -> "R1".equals(l.recordId()))
                .singleElement().satisfies(l -> assertThat(l.underObjection()).isTrue());
    }

    @Test
    void aDimensionStaysWithinItsBoundsAndTheBoundIsALine() {
        List<CreditRecordDocument> many = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            many.add(record("S" + i, CreditRecordCategory.ADMINISTRATIVE_PENALTY, Severity.SERIOUS, AS_OF.minusDays(i), null, null, null));
        }
        Grade g = scorecard().grade(many, AS_OF);
        Grade.DimensionScore compliance = g.dimensions().get(0);
        assertThat(compliance.points()).isZero();
        assertThat(compliance.lines()).last().satisfies(l -> {
            assertThat(l.kind()).isEqualTo(Grade.LineKind.BOUND);
            assertThat(l.points()).isEqualTo(400); // 350 − 750 = −400 held back to 0
        });
    }

    @Test
    void theSeriousListBoundsGradeAndRiskClassWhateverTheScore() {
        List<CreditRecordDocument> records = new ArrayList<>();
        records.add(record("L", CreditRecordCategory.SERIOUS_DISHONESTY_LIST, null, AS_OF.minusYears(1), null, null, null));
        for (int i = 0; i < 10; i++) { // honours lift the score, not the class
            records.add(record("H" + i, CreditRecordCategory.RED_LIST, null, AS_OF.minusDays(i), null, null, null));
        }
        Grade g = scorecard().grade(records, AS_OF);
        assertThat(g.grade()).isEqualTo(CreditGrade.D);
        assertThat(g.riskClass()).isEqualTo(RiskClass.D);
        assertThat(g.limits()).singleElement().satisfies(l -> assertThat(l.recordId()).isEqualTo("L"));
    }

    /** Property: for any record set, the lines add up to each dimension, the dimensions to the score, within 0..1000. */
    @Test
    void explanationsAddUpExactlyOverGeneratedRecordSets() {
        Scorecard scorecard = scorecard();
        Random random = new Random(20261130L);
        CreditRecordCategory[] categories = CreditRecordCategory.values();
        for (int run = 0; run < 2_000; run++) {
            List<CreditRecordDocument> records = new ArrayList<>();
            int n = random.nextInt(25);
            for (int i = 0; i < n; i++) {
                CreditRecordCategory c = categories[random.nextInt(categories.length)];
                Severity s = c == CreditRecordCategory.ADMINISTRATIVE_PENALTY ? Severity.values()[random.nextInt(3)] : null;
                records.add(record(run + "-" + i, c, s, AS_OF.minusDays(random.nextInt(2_000)), null, null, null));
            }
            Grade g = scorecard.grade(records, AS_OF);
            int sum = 0;
            for (Grade.DimensionScore d : g.dimensions()) {
                assertThat(d.lines().stream().mapToInt(Grade.Line::points).sum()).as("run %d %s", run, d.dimension()).isEqualTo(d.points());
                assertThat(d.points()).isBetween(0, d.max());
                sum += d.points();
            }
            assertThat(sum).as("run %d", run).isEqualTo(g.score());
            assertThat(g.score()).isBetween(0, Scorecard.MAX_SCORE);
            assertThat(g.recordsInForce()).isEqualTo(n);
            // every record appears, nothing else does
            assertThat(g.dimensions().stream().flatMap(d -> d.lines().stream()).filter(l -> l.recordId() != null)
                    .map(Grade.Line::recordId).distinct().count()).isEqualTo(n);
        }
    }

    @Test
    void aFileThatMissesACategoryOrDoesNotAddUpTo1000DoesNotLoad() throws IOException {
        String file;
        try (InputStream in = ScorecardTest.class.getResourceAsStream("/credit/scorecard-v1.json")) {
            file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String noLicence = file.replace("\"ADMINISTRATIVE_LICENCE\"", "\"X_LICENCE\"");
        assertThatThrownBy(() -> Scorecard.load(new ByteArrayInputStream(noLicence.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("ADMINISTRATIVE_LICENCE");
        String over = file.replace("\"max\": 350", "\"max\": 351");
        assertThatThrownBy(() -> Scorecard.load(new ByteArrayInputStream(over.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("1000");
    }
}
