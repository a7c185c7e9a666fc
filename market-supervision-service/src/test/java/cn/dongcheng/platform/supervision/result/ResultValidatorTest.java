package cn.dongcheng.platform.supervision.result;

import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ResultValidatorTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-30");

    @Test
    void problemsNeedDetailsAndTheEndDateIsNotInTheFuture() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ResultValidator.validate(new ResultInput("problems_found", " ", "2026-12-01"), TODAY));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("details", "inspectionEndDate");
    }

    @Test
    void anUnknownOutcomeIsNamed() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ResultValidator.validate(new ResultInput("OK", null, "2026-11-30"), TODAY));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("outcome");
    }

    @Test
    void aValidResultIsNormalised() {
        ResultValidator.ValidResult valid = ResultValidator.validate(new ResultInput(" closed ", null, "2026-11-30"), TODAY);
        assertThat(valid.outcome()).isEqualTo(InspectionOutcome.CLOSED);
        assertThat(valid.inspectionEndDate()).isEqualTo(TODAY);
    }
}
