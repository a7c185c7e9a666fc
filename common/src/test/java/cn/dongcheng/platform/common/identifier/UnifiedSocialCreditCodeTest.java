package cn.dongcheng.platform.common.identifier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnifiedSocialCreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y43", // the worked example of GB 32100-2015
            "91110000802100433B", // 北京百度网讯科技有限公司
            "9144030071526726XG", // 深圳市腾讯计算机系统有限公司
            "91330100799655058B"  // 阿里巴巴（中国）有限公司
    })
    void acceptsPublishedCodes(String code) {
        assertThat(UnifiedSocialCreditCode.problem(code)).isEmpty();
        assertThat(UnifiedSocialCreditCode.parse(" " + code.toLowerCase() + " ").value()).isEqualTo(code);
    }

    @Test
    void computesBothCheckCharactersOfTheStandardExample() {
        assertThat(UnifiedSocialCreditCode.organisationCheckCharacter("M000100Y")).isEqualTo('4');
        assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    }

    @Test
    void namesTheMod31CheckWhenTheLastCharacterIsWrong() {
        assertThat(UnifiedSocialCreditCode.problem("91350100M000100Y44"))
                .hasValueSatisfying(r -> assertThat(r).contains("position 18 should be '3'").contains("mod 31"));
    }

    @Test
    void namesTheOrganisationCheckWhenPosition17IsWrong() {
        // change the organisation-code check digit and repair the overall check so only the inner check fails
        String body = "91350100M000100Y5";
        String code = body + UnifiedSocialCreditCode.checkCharacter(body);
        assertThat(UnifiedSocialCreditCode.problem(code))
                .hasValueSatisfying(r -> assertThat(r).contains("organisation code check failed").contains("'4'"));
    }

    @Test
    void rejectsWrongLengthAndForbiddenCharacters() {
        assertThat(UnifiedSocialCreditCode.problem("91350100M000100Y4")).hasValueSatisfying(r -> assertThat(r).contains("18 characters"));
        assertThat(UnifiedSocialCreditCode.problem("91350100M0001O0Y43")).hasValueSatisfying(r -> assertThat(r).contains("'O'"));
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse(null)).isInstanceOf(InvalidIdentifierException.class);
    }
}
