package cn.dongcheng.platform.population.linkage;

import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.population.person.ResidenceType;
import cn.dongcheng.platform.population.person.Sex;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes a linked person from all source records of one ID number under the conflict rules. Deterministic and
 * order-independent: the same records give the same person, so recomputing after a retry converges.
 *
 * <p>Derived for the register's readers: {@code residenceType} is REGISTERED_RESIDENT (hukou in Dongcheng, living
 * in a street here), FLOATING_RESIDENT (hukou elsewhere, living here), REGISTERED_AWAY (hukou here, living OUTSIDE),
 * and absent when the person is not PRESENT or where they live is unknown — absent means not counted as a resident.
 * {@code streetCode} is the street of residence, or of registration for someone living outside.
 */
public final class PersonLinker {

    private final ConflictRules rules;

    public PersonLinker(ConflictRules rules) {
        this.rules = rules;
    }

    public String ruleVersion() {
        return rules.version();
    }

    /**
     * @param records  every source record of {@code idNumber} (at least one)
     * @param carried  the stored person, whose phone and address (no source states them) are kept; may be null
     */
    public LinkedPerson link(String idNumber, Collection<SourceRecord> records, LinkedPerson carried, String updatedAt) {
        List<SourceRecord> all = List.copyOf(records);
        Map<String, Object> values = new HashMap<>();
        Map<String, FieldSource> provenance = new TreeMap<>();
        for (ConflictRules.FieldRule rule : rules.rules()) {
            rule.pick(all).ifPresent(winner -> {
                for (String field : rule.fields()) {
                    Object value = winner.fact(field);
                    if (value != null) {
                        values.put(field, value);
                        provenance.put(field, FieldSource.of(winner));
                    }
                }
            });
        }
        ResidentIdNumber id = new ResidentIdNumber(idNumber);
        // every stated sex and birth date agrees with the ID number (checked on ingestion); unstated, it still tells
        values.computeIfAbsent("sex", f -> {
            provenance.put(f, new FieldSource(FieldSource.ID_NUMBER, null, null));
            return id.male() ? Sex.MALE : Sex.FEMALE;
        });
        values.computeIfAbsent("birthDate", f -> {
            provenance.put(f, new FieldSource(FieldSource.ID_NUMBER, null, null));
            return id.birthDate();
        });

        PersonStatus status = (PersonStatus) values.get("status");
        String hukouPlace = (String) values.get("hukouPlace");
        String registrationStreet = (String) values.get("registrationStreetCode");
        String residenceStreet = (String) values.get("residenceStreetCode");
        ResidenceType type = residenceType(status, hukouPlace, registrationStreet, residenceStreet);
        boolean livesHere = residenceStreet != null && !SourceRecord.OUTSIDE.equals(residenceStreet);
        String dataSource = all.stream().filter(r -> r.dataSource() != null)
                .max(Comparator.comparing(SourceRecord::sourceDate).thenComparing(SourceRecord::key))
                .map(SourceRecord::dataSource).orElse(null);
        List<String> keys = all.stream().map(SourceRecord::key).sorted().distinct().toList();
        return new LinkedPerson(idNumber, (String) values.get("name"), (Sex) values.get("sex"),
                (LocalDate) values.get("birthDate"), livesHere ? residenceStreet : registrationStreet, type, id.regionCode(),
                carried == null ? null : carried.phone(), carried == null ? null : carried.address(), dataSource, updatedAt,
                status, (HukouType) values.get("hukouType"), hukouPlace, registrationStreet, residenceStreet,
                (String) values.get("residenceCommunity"), (String) values.get("householdId"),
                (LocalDate) values.get("residenceSince"), provenance, rules.version(), keys);
    }

    static ResidenceType residenceType(PersonStatus status, String hukouPlace, String registrationStreet, String residenceStreet) {
        if (status != PersonStatus.PRESENT || residenceStreet == null) {
            return null;
        }
        boolean registeredHere = hukouPlace != null ? SourceRecordValidator.DONGCHENG.equals(hukouPlace) : registrationStreet != null;
        if (SourceRecord.OUTSIDE.equals(residenceStreet)) {
            return registeredHere ? ResidenceType.REGISTERED_AWAY : null;
        }
        return registeredHere ? ResidenceType.REGISTERED_RESIDENT : ResidenceType.FLOATING_RESIDENT;
    }
}
