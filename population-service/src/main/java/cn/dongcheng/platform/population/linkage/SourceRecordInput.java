package cn.dongcheng.platform.population.linkage;

import cn.dongcheng.platform.common.ingest.LineKey;
import cn.dongcheng.platform.population.person.Sex;

import java.time.LocalDate;

/**
 * One NDJSON line of a source delivery: what one source knows of one person on {@code sourceDate}. The key is the
 * source's own id ({@code source}, {@code sourceId}): the same line again changes nothing, a changed one replaces the
 * source record and keeps the version it replaces. Every field but the key, the date and the ID number is optional —
 * a source states what it knows.
 *
 * @param hukouPlace             6-digit administrative code of the hukou (户籍地), {@code 110101} for Dongcheng
 * @param registrationStreetCode street of the hukou (户籍所在街道), only for a hukou in Dongcheng
 * @param residenceStreetCode    street of residence (居住街道), or {@code OUTSIDE} for someone living outside the district
 * @param residenceSince         since when the person lives there
 * @param status                 default PRESENT; DECEASED only (and by default) from a DEATH registration
 */
@LineKey({"source", "sourceId"})
public record SourceRecordInput(SourceKind source, String sourceId, LocalDate sourceDate, String idNumber, String name,
                                Sex sex, LocalDate birthDate, HukouType hukouType, String hukouPlace,
                                String registrationStreetCode, String residenceStreetCode, String residenceCommunity,
                                String householdId, LocalDate residenceSince, PersonStatus status, String dataSource) {
}
