package cn.dongcheng.platform.population.person;

import cn.dongcheng.platform.common.ingest.LineKey;

/** One NDJSON line of a person upload; sex and birth date come from the ID number. */
@LineKey("idNumber")
public record PersonRegistration(String idNumber, String name, String streetCode, ResidenceType residenceType,
                                 String phone, String address, String dataSource) {
}
