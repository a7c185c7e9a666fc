package cn.dongcheng.platform.credit.sanction;

import cn.dongcheng.platform.credit.record.SubjectType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static cn.dongcheng.platform.credit.record.CreditRecordCategory.ABNORMAL_OPERATIONS;
import static cn.dongcheng.platform.credit.record.CreditRecordCategory.DISHONEST_JUDGMENT_DEBTOR;
import static cn.dongcheng.platform.credit.record.CreditRecordCategory.MAJOR_TAX_VIOLATION;
import static cn.dongcheng.platform.credit.record.CreditRecordCategory.SERIOUS_DISHONESTY_LIST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SanctionRulesTest {

    static SanctionRules v1() throws IOException {
        try (InputStream in = SanctionRulesTest.class.getResourceAsStream("/credit/sanction-measures-v1.json")) {
            return SanctionRules.load(in);
        }
    }

    @Test
    void theShippedFileHasTheScenariosOfTheIssueAndEveryMeasureCitesABasis() throws IOException {
        SanctionRules rules = v1();
        assertThat(rules.version()).isEqualTo("sanction-measures-v1");
        assertThat(rules.scenarioKeys()).containsExactly("GOVERNMENT_PROCUREMENT", "FISCAL_SUBSIDY", "ADMINISTRATIVE_LICENSING",
                "PUBLIC_OFFICE", "PUBLIC_BIDDING", "HONOURS");
        assertThat(rules.listName(DISHONEST_JUDGMENT_DEBTOR)).isEqualTo("失信被执行人名单");
        for (String key : rules.scenarioKeys()) {
            SanctionRules.Scenario scenario = rules.scenario(key);
            assertThat(scenario.rules()).isNotEmpty().allSatisfy(r -> assertThat(r.measure().legalBasis()).isNotEmpty());
        }
    }

    @Test
    void procurementBarsJudgmentDebtorsOnTheMinistryOfFinanceNoticeAndTheMemorandum() throws IOException {
        SanctionRules rules = v1();
        List<SanctionMeasure> measures = rules.measures(rules.scenario("GOVERNMENT_PROCUREMENT"), SubjectType.LEGAL_PERSON,
                Set.of(DISHONEST_JUDGMENT_DEBTOR));
        assertThat(measures).singleElement().satisfies(m -> {
            assertThat(m.effect()).isEqualTo(MeasureEffect.EXCLUDE);
            assertThat(m.legalBasis()).extracting(LegalBasis::number).containsExactly("财库〔2016〕125号", "发改财金〔2016〕141号");
            assertThat(m.legalBasis()).allSatisfy(b -> assertThat(b.verified()).isTrue());
        });
    }

    @Test
    void aSubjectOnTwoListsGetsBothListsMeasuresInTheFilesOrder() throws IOException {
        SanctionRules rules = v1();
        List<SanctionMeasure> measures = rules.measures(rules.scenario("GOVERNMENT_PROCUREMENT"), SubjectType.LEGAL_PERSON,
                EnumSet.of(ABNORMAL_OPERATIONS, SERIOUS_DISHONESTY_LIST));
        assertThat(measures).extracting(SanctionMeasure::list).containsExactly(SERIOUS_DISHONESTY_LIST, ABNORMAL_OPERATIONS);
        assertThat(rules.measures(rules.scenario("GOVERNMENT_PROCUREMENT"), SubjectType.LEGAL_PERSON, Set.of())).isEmpty();
    }

    @Test
    void publicOfficeBitesOnNaturalPersonsOnlyAndNotForTheAbnormalOperationsList() throws IOException {
        SanctionRules rules = v1();
        SanctionRules.Scenario office = rules.scenario("PUBLIC_OFFICE");
        assertThat(rules.measures(office, SubjectType.LEGAL_PERSON, EnumSet.of(MAJOR_TAX_VIOLATION, DISHONEST_JUDGMENT_DEBTOR))).isEmpty();
        assertThat(rules.measures(office, SubjectType.NATURAL_PERSON, EnumSet.of(DISHONEST_JUDGMENT_DEBTOR)))
                .singleElement().satisfies(m -> {
                    assertThat(m.measure()).isEqualTo("不得录用为公务员");
                    assertThat(m.legalBasis().get(0).number()).isEqualTo("第二十六条第四项");
                });
        assertThat(rules.measures(office, SubjectType.NATURAL_PERSON, EnumSet.of(ABNORMAL_OPERATIONS))).isEmpty();
    }

    @Test
    void unverifiedCitationsSaySo() throws IOException {
        SanctionRules rules = v1();
        List<SanctionMeasure> bidding = rules.measures(rules.scenario("PUBLIC_BIDDING"), SubjectType.LEGAL_PERSON,
                EnumSet.of(DISHONEST_JUDGMENT_DEBTOR));
        assertThat(bidding.get(0).legalBasis()).filteredOn(b -> b.source().equals("FA_2016_285"))
                .singleElement().satisfies(b -> assertThat(b.verified()).isFalse());
    }

    @Test
    void aFileWithAnUnknownSourceListOrNoVerifiedFlagDoesNotLoad() {
        String lists = "\"lists\":{\"SERIOUS_DISHONESTY_LIST\":\"a\",\"DISHONEST_JUDGMENT_DEBTOR\":\"b\",\"ABNORMAL_OPERATIONS\":\"c\",\"MAJOR_TAX_VIOLATION\":\"d\"}";
        String source = "\"sources\":{\"S\":{\"document\":\"d\",\"verified\":true}}";
        assertThatThrownBy(() -> load("{\"version\":\"x\"," + lists + "," + source + ",\"scenarios\":{\"A\":{\"name\":\"a\",\"measures\":["
                + "{\"list\":\"DISHONEST_JUDGMENT_DEBTOR\",\"effect\":\"EXCLUDE\",\"measure\":\"m\",\"basis\":[\"T\"]}]}}}"))
                .hasMessageContaining("basis T is not among the sources");
        assertThatThrownBy(() -> load("{\"version\":\"x\"," + lists + "," + source + ",\"scenarios\":{\"A\":{\"name\":\"a\",\"measures\":["
                + "{\"list\":\"RED_LIST\",\"effect\":\"EXCLUDE\",\"measure\":\"m\",\"basis\":[\"S\"]}]}}}"))
                .hasMessageContaining("RED_LIST is not a list");
        assertThatThrownBy(() -> load("{\"version\":\"x\"," + lists + ",\"sources\":{\"S\":{\"document\":\"d\"}},\"scenarios\":{}}"))
                .hasMessageContaining("verified true/false");
    }

    private static SanctionRules load(String json) throws IOException {
        return SanctionRules.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
