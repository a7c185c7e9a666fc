package cn.dongcheng.platform.population.linkage;

import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.population.person.Sex;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cn.dongcheng.platform.population.linkage.PersonLinkerTest.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SourceRecordValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static SourceRecordInput line(SourceKind kind, String id, Sex sex, String birthDate, String residenceStreet,
                                          PersonStatus status) {
        return new SourceRecordInput(kind, "X-1", LocalDate.of(2020, 11, 1), id, "李强", sex,
                birthDate == null ? null : LocalDate.parse(birthDate), null, null, null, residenceStreet, null, null, null,
                status, null);
    }

    private static FieldProblem onlyProblem(SourceRecordInput in) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> SourceRecordValidator.validate(in, TODAY, "t"));
        assertThat(e).as("rejected").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void aValidLineKeepsWhatItSaysAndDefaultsTheStatus() {
        SourceRecord r = SourceRecordValidator.validate(line(SourceKind.CENSUS, ID, Sex.MALE, "1980-01-01", "110101007", null), TODAY, "t");
        assertThat(r.key()).isEqualTo("CENSUS:X-1");
        assertThat(r.status()).isEqualTo(PersonStatus.PRESENT);
        assertThat(SourceRecordValidator.validate(line(SourceKind.DEATH, ID, null, null, null, null), TODAY, "t").status())
                .isEqualTo(PersonStatus.DECEASED);
        assertThat(SourceRecordValidator.validate(line(SourceKind.MOVE, ID, null, null, "OUTSIDE", PersonStatus.MOVED_OUT), TODAY, "t")
                .residenceStreetCode()).isEqualTo("OUTSIDE");
    }

    @Test
    void theIdNumberProblemSaysWhichCheckFailed() {
        String wrongCheck = ID.substring(0, 17) + (ID.charAt(17) == '1' ? '2' : '1');
        FieldProblem p = onlyProblem(line(SourceKind.CENSUS, wrongCheck, null, null, null, null));
        assertThat(p.field()).isEqualTo("idNumber");
        assertThat(p.reason()).contains("check character failed");
        assertThat(onlyProblem(line(SourceKind.CENSUS, "41010219801301001X", null, null, null, null)).reason())
                .contains("positions 7–14 are not a real date");
    }

    @Test
    void aBirthDateOrSexThatContradictsTheIdNumberIsRejected() {
        FieldProblem born = onlyProblem(line(SourceKind.CENSUS, ID, null, "1980-01-02", null, null));
        assertThat(born.field()).isEqualTo("birthDate");
        assertThat(born.reason()).contains("contradicts the ID number").contains("1980-01-01");
        FieldProblem sex = onlyProblem(line(SourceKind.CENSUS, ID, Sex.FEMALE, null, null, null));
        assertThat(sex.field()).isEqualTo("sex");
        assertThat(sex.reason()).contains("odd, i.e. MALE");
    }

    @Test
    void unknownStreetsAndAnUndueDeathAreRejected() {
        FieldProblem street = onlyProblem(line(SourceKind.CENSUS, ID, null, null, "110102001", null));
        assertThat(street.field()).isEqualTo("residenceStreetCode");
        assertThat(onlyProblem(line(SourceKind.CENSUS, ID, null, null, null, PersonStatus.DECEASED)).field()).isEqualTo("status");
    }
}
