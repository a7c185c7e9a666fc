package cn.dongcheng.platform.population.projection;

import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.population.projection.ProjectionRequest.AgeSexVector;
import cn.dongcheng.platform.population.projection.ProjectionRequest.Mortality;
import cn.dongcheng.platform.population.projection.ProjectionRequest.SexMortality;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProjectionRequestValidatorTest {

    static final double[] ELEVEN = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

    static ProjectionRequest request(Integer horizon, AgeSexVector base, Mortality mortality) {
        return new ProjectionRequest(2020, horizon, 5, 50, null, null, base, mortality, null, null, null, null);
    }

    static List<String> fields(ProjectionRequest r) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ProjectionRequestValidator.validate(r, 2026, 105, ""));
        return e.problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        double[] negative = ELEVEN.clone();
        negative[4] = -1;
        assertThat(fields(request(12, new AgeSexVector(new double[3], negative), null)))
                .containsExactly("horizonYears", "basePopulation.male", "basePopulation.female[4]");
    }

    @Test
    void personYearsAboveTheWidthTimesTheRadixAreImpossible() {
        double[] years = ELEVEN.clone();
        years[2] = 6;
        Mortality m = new Mortality(new SexMortality(null, years, 1.0), new SexMortality(null, ELEVEN, 1.0));
        assertThat(fields(request(10, null, m))).containsExactly("mortality.male.personYearsLived[2]");
    }

    @Test
    void bothKindsOfLifeTableInputAreLabelledAsMixed() {
        double[] rates = ELEVEN.clone();
        Mortality m = new Mortality(new SexMortality(rates, null, null), new SexMortality(null, ELEVEN, 1.0));
        assertThat(ProjectionRequestValidator.validate(request(10, null, m), 2026, 105, "").mortalitySource())
                .isEqualTo("SUPPLIED_MIXED");
        Mortality neither = new Mortality(new SexMortality(rates, ELEVEN, null), null);
        assertThat(fields(request(10, null, neither))).containsExactly("mortality.male", "mortality.female");
    }
}
