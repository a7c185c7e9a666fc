package cn.dongcheng.platform.industry.classification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IndustryClassificationTest {

    @Test
    void acceptsClassesOfTheStandardInTheirSection() {
        assertThat(IndustryClassification.problem("I", "6421")).isEmpty();   // 互联网搜索服务
        assertThat(IndustryClassification.problem("J", "6621")).isEmpty();   // 商业银行服务
        assertThat(IndustryClassification.problem("A", "0232")).isEmpty();   // 森林改培, new in 2017
        assertThat(IndustryClassification.name("6421")).isEqualTo("互联网搜索服务");
        assertThat(IndustryClassification.name("72")).isEqualTo("商务服务业");
    }

    @Test
    void rejectsUnknownClassesAndClassesOutsideTheirSection() {
        assertThat(IndustryClassification.problem("I", "6499")).hasValueSatisfying(r -> assertThat(r).contains("not a GB/T 4754-2017 class"));
        assertThat(IndustryClassification.problem("I", "7211")).hasValueSatisfying(r -> assertThat(r).contains("not in section I"));
        assertThat(IndustryClassification.problem("Z", "7211")).hasValueSatisfying(r -> assertThat(r).contains("not a GB/T 4754-2017 section"));
        assertThat(IndustryClassification.problem("L", "72")).hasValueSatisfying(r -> assertThat(r).contains("4 digits"));
    }
}
