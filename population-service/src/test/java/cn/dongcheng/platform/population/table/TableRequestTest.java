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

    /** The parameters the tests name, the others (from, community) absent. */
    static TableRequest parse(String indicators, String dimensions, String ageGroups, String date, String population,
                              String street, String sex, Boolean unsuppressed, LocalDate today) {
        return TableRequest.parse(new TableRequest.Parameters(indicators, dimensions, ageGroups, date, null, population,
                street, null, sex, unsuppressed), today);
    }

    @Test
    void defaultsAreResidentsTodayInFiveYearGroupsWithCountsOnly() {
        TableRequest r = parse(null, null, null, null, null, null, null, null, TODAY);
        assertThat(r.indicators()).containsExactly(TableIndicator.COUNT);
        assertThat(r.dimensions()).isEmpty();
        assertThat(r.date()).isEqualTo(TODAY);
        assertThat(r.population()).isEqualTo(PopulationBase.RESIDENT);
        assertThat(r.ageGroups().scheme()).isEqualTo("five-year");
        assertThat(r.unsuppressed()).isFalse();
    }

    @Test
    void everythingNamedIsRead() {
        TableRequest r = parse("sexRatio,pyramid", "street,age,sex", "0-14,15-64,65+", "2020-11-01", "FLOATING",
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
        InvalidInputException e = catchThrowableOfType(() -> parse("count,births", "street,town", "0-14,10+",
                "2020-02-30", "TOURISTS", "110101006,110102001", "OTHER", null, TODAY), InvalidInputException.class);
        assertThat(e.problems()).extracting(FieldProblem::field)
                .containsExactly("indicators", "dimensions", "ageGroups", "date", "population", "street", "sex");
        assertThat(e.problems().get(5).reason()).contains("'110102001'");
    }

    @Test
    void theEventsPeriodIsTheTwelveMonthsEndingOnTheDateUnlessFromIsGiven() {
        TableRequest r = parse("crudeBirthRate,inflow,averageHouseholdSize", "street,age", null, "2024-02-29", null, null,
                null, null, TODAY);
        assertThat(r.from()).isEqualTo(LocalDate.of(2023, 3, 1));
        assertThat(r.dimensions()).containsExactly(TableDimension.STREET, TableDimension.AGE);
        TableRequest own = TableRequest.parse(new TableRequest.Parameters("crudeDeathRate", "street", null, "2024-12-31",
                "2024-07-01", null, null, null, null, null), TODAY);
        assertThat(own.from()).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(own.on(LocalDate.of(2025, 1, 31)).from()).isEqualTo(LocalDate.of(2024, 2, 1));
    }

    @Test
    void aReversedOrOverlongPeriodAndEventsBeyondTheStreetsAreNamed() {
        List<String> reversed = catchThrowableOfType(() -> TableRequest.parse(new TableRequest.Parameters("crudeBirthRate",
                null, null, "2024-12-31", "2025-01-01", null, null, null, null, null), TODAY), InvalidInputException.class)
                .problems().stream().map(p -> p.field() + ": " + p.reason()).toList();
        assertThat(reversed).singleElement().asString().startsWith("from: ").contains("2025-01-01");
        assertThat(catchThrowableOfType(() -> TableRequest.parse(new TableRequest.Parameters("inflow", null, null,
                "2024-12-31", "2004-12-30", null, null, null, null, null), TODAY), InvalidInputException.class).problems())
                .extracting(FieldProblem::field).containsExactly("from");
        List<String> beyond = catchThrowableOfType(() -> TableRequest.parse(new TableRequest.Parameters("outflow",
                "street,category", null, null, null, "REGISTERED", null, "东四第1社区", "MALE", null), TODAY),
                InvalidInputException.class).problems().stream().map(p -> p.field() + ": " + p.reason()).toList();
        assertThat(beyond).hasSize(3).allMatch(p -> p.startsWith("indicators: "));
        assertThat(beyond.get(0)).endsWith("not by category");
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
        TableRequest r = parse("sexRatio", "street,age,category", singleTo150, null, null, null, null, null, TODAY);
        InvalidInputException e = catchThrowableOfType(() -> TableLayout.of(r, List.of()), InvalidInputException.class);
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("dimensions");
        assertThat(e.problems().get(0).reason()).contains("59058");
        // without the ratios' bands it fits: 17 + 2,567 + 5,134
        assertThat(TableLayout.of(parse(null, "street,age,category", singleTo150, null, null, null, null, null, TODAY), List.of())
                .buckets(false)).isEqualTo(7_718);
    }

    @Test
    void aPyramidNeedsAgeAndSexAndATableAtMostThreeDimensions() {
        assertThat(catchThrowableOfType(() -> parse("pyramid", "street,age", null, null, null, null, null, null, TODAY),
                InvalidInputException.class).problems()).extracting(FieldProblem::reason).containsExactly("pyramid needs the dimensions age and sex");
        assertThat(catchThrowableOfType(() -> parse(null, "street,age,sex,category", null, null, null, null, null, null, TODAY),
                InvalidInputException.class).problems()).extracting(FieldProblem::field).containsExactly("dimensions");
        assertThat(catchThrowableOfType(() -> parse(null, "sex,sex", null, null, null, null, null, null, TODAY),
                InvalidInputException.class).problems()).extracting(FieldProblem::reason).containsExactly("sex is named twice");
        assertThat(catchThrowableOfType(() -> parse(null, null, null, "2026-12-01", null, null, null, null, TODAY),
                InvalidInputException.class).problems()).extracting(FieldProblem::field).containsExactly("date");
    }
}
