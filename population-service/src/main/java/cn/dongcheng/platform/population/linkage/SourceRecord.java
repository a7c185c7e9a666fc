package cn.dongcheng.platform.population.linkage;

import cn.dongcheng.platform.common.ingest.VersionedDocument;
import cn.dongcheng.platform.population.person.Sex;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/**
 * A source record as stored in {@code population-person-sources} under {@code <source>:<sourceId>}; replaced versions
 * are in {@code population-person-source-history}. Personal data: it leaves the service only through the linked
 * person's audited look-up.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceRecord(String key, SourceKind source, String sourceId, LocalDate sourceDate, String idNumber,
                           String name, Sex sex, LocalDate birthDate, HukouType hukouType, String hukouPlace,
                           String registrationStreetCode, String residenceStreetCode, String residenceCommunity,
                           String householdId, LocalDate residenceSince, PersonStatus status, String dataSource,
                           Integer version, String updatedAt) implements VersionedDocument<SourceRecord>, PersonFacts {

    /** A person living outside the district (居住地不在东城). */
    public static final String OUTSIDE = "OUTSIDE";

    public static String keyOf(SourceKind source, String sourceId) {
        return source + ":" + sourceId;
    }

    @Override
    public SourceRecord withBookkeeping(Integer version, String updatedAt) {
        return new SourceRecord(key, source, sourceId, sourceDate, idNumber, name, sex, birthDate, hukouType, hukouPlace,
                registrationStreetCode, residenceStreetCode, residenceCommunity, householdId, residenceSince, status,
                dataSource, version, updatedAt);
    }
}
