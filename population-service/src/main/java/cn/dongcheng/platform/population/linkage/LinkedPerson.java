package cn.dongcheng.platform.population.linkage;

import cn.dongcheng.platform.population.person.ResidenceType;
import cn.dongcheng.platform.population.person.Sex;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The linked person (golden record) as stored in {@code population-persons}, recomputed from every source record of
 * its ID number. The fields the register always had keep their names and meaning ({@code streetCode},
 * {@code residenceType} derived, see {@link PersonLinker}), so statistics read linked and uploaded persons alike;
 * {@code provenance} says per field which source record supplied it, {@code ruleVersion} under which rule.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LinkedPerson(
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
        String updatedAt,
        PersonStatus status,
        HukouType hukouType,
        String hukouPlace,
        String registrationStreetCode,
        String residenceStreetCode,
        String residenceCommunity,
        String householdId,
        LocalDate residenceSince,
        Map<String, FieldSource> provenance,
        String ruleVersion,
        List<String> sourceKeys) implements PersonFacts {

    /** The same person stamped with another time: two computations agree when these are equal. */
    LinkedPerson withUpdatedAt(String time) {
        return new LinkedPerson(idNumber, name, sex, birthDate, streetCode, residenceType, registeredRegion, phone, address,
                dataSource, time, status, hukouType, hukouPlace, registrationStreetCode, residenceStreetCode,
                residenceCommunity, householdId, residenceSince, provenance, ruleVersion, sourceKeys);
    }

}
