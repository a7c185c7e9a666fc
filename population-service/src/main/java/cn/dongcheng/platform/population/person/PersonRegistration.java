package cn.dongcheng.platform.population.person;

/** One NDJSON line of a person upload; sex and birth date come from the ID number. */
public record PersonRegistration(String idNumber, String name, String streetCode, ResidenceType residenceType,
                                 String phone, String address, String dataSource) {
}
