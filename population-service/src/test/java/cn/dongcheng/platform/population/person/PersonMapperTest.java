package cn.dongcheng.platform.population.person;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The masked view of a person, for a role whose matrix cell is {@code masked}. */
class PersonMapperTest {

    private final PersonMapper mapper = new PersonMapperImpl();
    private final PersonRecord person = new PersonRecord("110101198001010014", "李强", Sex.MALE, LocalDate.of(1980, 1, 1),
            "110101006", ResidenceType.REGISTERED_RESIDENT, null, "13812345678", "东城区东四街道某胡同1号", "test", null);

    @Test
    void theMaskedViewHidesTheIdNameContactsAndExactBirthDate() {
        PersonView masked = mapper.masked(person);
        assertThat(masked.idNumber()).isEqualTo("110101********0014");
        assertThat(masked.name()).isEqualTo("李*");
        assertThat(masked.phone()).isEqualTo("138****5678");
        assertThat(masked.address()).doesNotContain("某胡同1号");
        assertThat(masked.birthDate()).isEqualTo(LocalDate.of(1980, 1, 1).withDayOfYear(1));
        assertThat(masked.masked()).isTrue();
    }

    @Test
    void theFullViewIsTheRecord() {
        PersonView full = mapper.full(person);
        assertThat(full.idNumber()).isEqualTo(person.idNumber());
        assertThat(full.name()).isEqualTo("李强");
        assertThat(full.masked()).isFalse();
    }
}
