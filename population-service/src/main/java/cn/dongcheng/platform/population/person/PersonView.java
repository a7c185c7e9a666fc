package cn.dongcheng.platform.population.person;

import java.time.LocalDate;

/** A person as the API shows it; identifying fields masked unless {@code masked} is false. */
public record PersonView(String idNumber, String name, Sex sex, LocalDate birthDate, String streetCode,
                         ResidenceType residenceType, String phone, String address, boolean masked) {
}
