package cn.dongcheng.platform.population.table;

import cn.dongcheng.platform.common.problem.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgeGroupsTest {

    @Test
    void fiveYearGroupsEndWithAnOpen85PlusAndSingleYearsWith100Plus() {
        AgeGroups five = AgeGroups.parse(null);
        assertThat(five.groups()).hasSize(18);
        assertThat(five.groups().get(0).label()).isEqualTo("0-4");
        assertThat(five.groups().get(17).label()).isEqualTo("85+");
        AgeGroups single = AgeGroups.parse("single");
        assertThat(single.groups()).hasSize(101);
        assertThat(single.groups().get(37).label()).isEqualTo("37");
        assertThat(single.groups().get(100).label()).isEqualTo("100+");
    }

    @Test
    void customGroupsAreReadInOrder() {
        AgeGroups g = AgeGroups.parse("0-14, 15-59,60-64,65+");
        assertThat(g.scheme()).isEqualTo("custom");
        assertThat(g.groups()).extracting(AgeGroup::label).containsExactly("0-14", "15-59", "60-64", "65+");
        assertThat(g.groups().get(3).contains(120)).isTrue();
        assertThat(g.groups().get(0).contains(15)).isFalse();
    }

    @Test
    void birthDateBoundsGiveCompletedYearsOnTheDate() {
        LocalDate census = LocalDate.of(2020, 11, 1);
        AgeGroup fifteenToFiftyNine = new AgeGroup(15, 59);
        // aged 15 from the 15th birthday (born 2005-11-01) to the day before the 60th (born 1960-11-02)
        assertThat(fifteenToFiftyNine.bornBefore(census)).isEqualTo(LocalDate.of(2005, 11, 2));
        assertThat(fifteenToFiftyNine.bornFrom(census)).isEqualTo(LocalDate.of(1960, 11, 2));
        assertThat(new AgeGroup(85, null).bornFrom(census)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "0-14,15-64,60+;          '60+' overlaps '15-64'",
            "0-14,10-20,21+;          '10-20' overlaps '0-14'",
            "0-14,20-64,65+;          ages 15-19 fall in no group",
            "5-14,15+;                the first group must start at 0",
            "0-14,15-64;              the last group must be open-ended",
            "0-14,15+,65+;            only the last group may be open-ended",
            "0-14,abc,65+;            'abc' is not an age group",
            "0-14,15-200,201+;        ages go up to 150",
            "0-14,40-20,41+;          '40-20' ends before it starts",
            "decades;                 'decades' is not an age group"})
    void overlappingGappedOrUnknownBreaksAreRefusedNamingTheField(String raw, String reason) {
        assertThatThrownBy(() -> AgeGroups.parse(raw)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("ageGroups");
                assertThat(p.reason()).contains(reason);
            });
        });
    }
}
