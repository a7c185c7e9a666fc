package cn.dongcheng.platform.population.table;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.population.person.Sex;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TableRequestTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Test
    void defaultsAreResidentsTodayInFiveYearGroupsWithCountsOnly() {
        TableRequest r = TableRequest.parse(null, null, null, null, null, null, null, null, TODAY);
        assertThat(r.indicators()).containsExactly(TableIndicator.COUNT);
        assertThat(r.dimensions()).isEmpty();
        assertThat(r.date()).isEqualTo(TODAY);
        assertThat(r.population()).isEqualTo(PopulationBase.RESIDENT);
        assertThat(r.ageGroups().scheme()).isEqualTo("five-year");
        assertThat(r.unsuppressed()).isFalse();
    }

    @Test
    void everythingNamedIsRead() {
        TableRequest r = TableRequest.parse("sexRatio,pyramid", "street,age,sex", "0-14,15-64,65+", "2020-11-01", "FLOATING",
                "110101006, 110101007", "FEMALE", true, TODAY);
        assertThat(r.indicators()).containsExactly(TableIndicator.COUNT, TableIndicator.SEX_RATIO, TableIndicator.PYRAMID);
        assertThat(r.dimensions()).containsExactly(TableDimension.STREET, TableDimension.AGE, TableDimension.SEX);
        assertThat(r.streets()).containsExactly(DongchengStreet.DONGSI, DongchengStreet.CHAOYANGMEN);
        assertThat(r.sex()).isEqualTo(Sex.FEMALE);
        assertThat(r.date()).isEqualTo(LocalDate.of(2020, 11, 1));
        assertThat(r.unsuppressed()).isTrue();
    }

    @Test
    void everyBadParameterIsNamedInOneAnswer() {
        InvalidInputException e = catchThrowableOfType(() -> TableRequest.parse("count,births", "street,town", "0-14,10+",
                "2020-02-30", "TOURISTS", "110101006,110102001", "OTHER", null, TODAY), InvalidInputException.class);
        assertThat(e.problems()).extracting(FieldProblem::field)
                .containsExactly("indicators", "dimensions", "ageGroups", "date", "population", "street", "sex");
        assertThat(e.problems().get(5).reason()).contains("'110102001'");
    }

    @Test
    void indicatorsAndDimensionsTheRegisterCannotServeYetSaySo() {
        InvalidInputException e = catchThrowableOfType(() -> TableRequest.parse("crudeBirthRate,inflow,averageHouseholdSize",
                "community", null, null, null, null, null, null, TODAY), InvalidInputException.class);
        List<String> reasons = e.problems().stream().map(p -> p.field() + ": " + p.reason()).toList();
        assertThat(reasons).containsExactly(
                "indicators: crudeBirthRate needs the births of the period, which the person register does not record yet",
                "indicators: inflow needs moves into the district, which the person register does not record yet",
                "indicators: averageHouseholdSize needs households, which the person register does not hold yet",
                "dimensions: community needs the community of each person, which the person register does not hold yet");
    }

    @Test
    void aTableTooLargeForOneAggregationIsRefusedBeforeElasticsearchIs() {
        // 17 streets × 151 single ages × 2 categories of residents = 5,134 innermost buckets, each with sex × 4 age
        // bands below: 17 + 2,567 + 5,134 + 5,134 × 10 = 59,058
        StringBuilder ages = new StringBuilder();
        for (int age = 0; age < 150; age++) {
            ages.append(age).append('-').append(age).append(',');
        }
        String singleTo150 = ages.append("150+").toString();
        TableRequest r = TableRequest.parse("sexRatio", "street,age,category", singleTo150, null, null, null, null, null, TODAY);
        InvalidInputException e = catchThrowableOfType(() -> TableLayout.of(r), InvalidInputException.class);
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("dimensions");
        assertThat(e.problems().get(0).reason()).contains("59058");
        // without the ratios' bands it fits: 17 + 2,567 + 5,134
        assertThat(TableLayout.of(TableRequest.parse(null, "street,age,category", singleTo150, null, null, null, null, null, TODAY))
                .buckets(false)).isEqualTo(7_718);
    }

    @Test
    void aPyramidNeedsAgeAndSexAndATableAtMostThreeDimensions() {
        assertThat(catchThrowableOfType(() -> TableRequest.parse("pyramid", "street,age", null, null, null, null, null, null, TODAY),
                InvalidInputException.class).problems()).extracting(FieldProblem::reason).containsExactly("pyramid needs the dimensions age and sex");
        assertThat(catchThrowableOfType(() -> TableRequest.parse(null, "street,age,sex,category", null, null, null, null, null, null, TODAY),
                InvalidInputException.class).problems()).extracting(FieldProblem::field).containsExactly("dimensions");
        assertThat(catchThrowableOfType(() -> TableRequest.parse(null, "sex,sex", null, null, null, null, null, null, TODAY),
                InvalidInputException.class).problems()).extracting(FieldProblem::reason).containsExactly("sex is named twice");
        assertThat(catchThrowableOfType(() -> TableRequest.parse(null, null, null, "2026-12-01", null, null, null, null, TODAY),
                InvalidInputException.class).problems()).extracting(FieldProblem::field).containsExactly("date");
    }
}
