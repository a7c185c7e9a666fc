package cn.dongcheng.platform.population.person;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/**
 * A natural person as stored in {@code population-persons}, keyed by the citizen ID number. Sex and birth date are
 * derived from the ID number, so they can never contradict it. Personal data: read only through
 * {@link PersonRegistry}, which masks and audits.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonRecord(
        String idNumber,
        String name,
        Sex sex,
        LocalDate birthDate,
        String streetCode,
        ResidenceType residenceType,
        String registeredRegion,
        String phone,
        String address,
        String dataSource,
        String updatedAt) {
}
