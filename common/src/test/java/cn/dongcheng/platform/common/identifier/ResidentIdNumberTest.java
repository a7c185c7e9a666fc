package cn.dongcheng.platform.common.identifier;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ResidentIdNumberTest {

    @Test
    void acceptsTheExamplesOfTheStandard() {
        ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002x");
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.male()).isFalse();
        assertThat(id.regionCode()).isEqualTo("110105");
        ResidentIdNumber other = ResidentIdNumber.parse("440524188001010014");
        assertThat(other.male()).isTrue();
    }

    @Test
    void computesTheIso7064Check() {
        assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ResidentIdNumber.checkCharacter("44052418800101001")).isEqualTo('4');
    }

    @Test
    void rejectsAWrongCheckCharacterAndSaysWhich() {
        assertThat(ResidentIdNumber.problem("110105194912310021"))
                .hasValueSatisfying(r -> assertThat(r).contains("should be 'X'"));
    }

    @Test
    void rejectsImpossibleBirthDates() {
        String body = "11010519490231002"; // 31 February
        assertThat(ResidentIdNumber.problem(body + ResidentIdNumber.checkCharacter(body)))
                .hasValueSatisfying(r -> assertThat(r).contains("not a real date"));
        String future = "11010530000101002";
        assertThat(ResidentIdNumber.problem(future + ResidentIdNumber.checkCharacter(future)))
                .hasValueSatisfying(r -> assertThat(r).contains("not plausible"));
    }

    @Test
    void neverPrintsTheFullNumber() {
        ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X");
        assertThat(id.toString()).isEqualTo("110105********002X");
    }
}
