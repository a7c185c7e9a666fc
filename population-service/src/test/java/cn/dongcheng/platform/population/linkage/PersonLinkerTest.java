package cn.dongcheng.platform.population.linkage;

import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.population.person.ResidenceType;
import cn.dongcheng.platform.population.person.Sex;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonLinkerTest {

    static final String ID = id("41010219800101001");

    static String id(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    static ConflictRules rules() {
        try (InputStream in = PersonLinkerTest.class.getResourceAsStream("/linkage/conflict-rules-v1.json")) {
            return ConflictRules.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final PersonLinker linker = new PersonLinker(rules());

    /** A source record with only the key, date and what {@code fill} sets. */
    static SourceRecord record(SourceKind kind, String sourceId, String date, String name, String hukouPlace,
                               String registrationStreet, String residenceStreet, String community, String household,
                               PersonStatus status) {
        return new SourceRecord(SourceRecord.keyOf(kind, sourceId), kind, sourceId, LocalDate.parse(date), ID, name, null,
                null, null, hukouPlace, registrationStreet, residenceStreet, community, household, null, status,
                "test", null, null);
    }

    // floating registration 2012 (hukou Zhengzhou), household registration 2015 (hukou moved to Dongcheng), census 2020
    static final SourceRecord FLOATING = record(SourceKind.FLOATING_RESIDENCE, "FR-1", "2012-05-01", "李强强", "410102",
            null, "110101003", "交道口社区", null, PersonStatus.PRESENT);
    static final SourceRecord HOUSEHOLD = record(SourceKind.HOUSEHOLD_REGISTRATION, "HR-1", "2015-03-01", "李强", "110101",
            "110101006", "110101006", "东四社区", "H-0001", PersonStatus.PRESENT);
    static final SourceRecord CENSUS = record(SourceKind.CENSUS, "C7-1", "2020-11-01", "李 强", "410102", null,
            "110101007", "朝阳门社区", "C-77", PersonStatus.PRESENT);
    static final SourceRecord DEATH = record(SourceKind.DEATH, "D-1", "2023-06-10", null, null, null, null, null, null,
            PersonStatus.DECEASED);
    static final SourceRecord LATER_SURVEY = record(SourceKind.SAMPLE_SURVEY, "S-1", "2024-01-01", null, null, null,
            "110101008", null, null, PersonStatus.PRESENT);

    @Test
    void eachFieldComesFromTheSourceTheRuleNames() {
        LinkedPerson p = linker.link(ID, List.of(FLOATING, HOUSEHOLD, CENSUS), null, "t");
        assertThat(p.name()).isEqualTo("李强");                       // household register beats census and floating
        assertThat(p.provenance().get("name").source()).isEqualTo("HOUSEHOLD_REGISTRATION");
        assertThat(p.hukouPlace()).isEqualTo("110101");               // the register, though the census is newer
        assertThat(p.registrationStreetCode()).isEqualTo("110101006");
        assertThat(p.householdId()).isEqualTo("H-0001");
        assertThat(p.residenceStreetCode()).isEqualTo("110101007");  // the most recent: the census
        assertThat(p.residenceCommunity()).isEqualTo("朝阳门社区");   // with its own street, never another record's
        assertThat(p.provenance().get("residenceStreetCode"))
                .isEqualTo(new FieldSource("CENSUS", "C7-1", LocalDate.parse("2020-11-01")));
        assertThat(p.status()).isEqualTo(PersonStatus.PRESENT);
        assertThat(p.residenceType()).isEqualTo(ResidenceType.REGISTERED_RESIDENT);
        assertThat(p.streetCode()).isEqualTo("110101007");
        // nobody stated sex or birth date: the ID number says them
        assertThat(p.sex()).isEqualTo(Sex.MALE);
        assertThat(p.birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
        assertThat(p.provenance().get("sex").source()).isEqualTo("ID_NUMBER");
        assertThat(p.ruleVersion()).isEqualTo("conflict-rules-v1");
        assertThat(p.sourceKeys()).containsExactly("CENSUS:C7-1", "FLOATING_RESIDENCE:FR-1", "HOUSEHOLD_REGISTRATION:HR-1");
    }

    @Test
    void aDeathRegistrationWinsTheStatusWhateverComesLater() {
        LinkedPerson p = linker.link(ID, List.of(FLOATING, HOUSEHOLD, CENSUS, DEATH, LATER_SURVEY), null, "t");
        assertThat(p.status()).isEqualTo(PersonStatus.DECEASED);
        assertThat(p.provenance().get("status").source()).isEqualTo("DEATH");
        assertThat(p.residenceType()).as("not counted as a resident").isNull();
        assertThat(p.residenceStreetCode()).isEqualTo("110101008"); // the latest residence still shows where he was
    }

    @Test
    void theCensusBeatsTheSurveyAtEqualDatesAndTheOrderOfRecordsDoesNotMatter() {
        SourceRecord survey = record(SourceKind.SAMPLE_SURVEY, "S-2", "2020-11-01", null, null, null, "110101012", null,
                null, PersonStatus.PRESENT);
        List<SourceRecord> records = new ArrayList<>(List.of(FLOATING, HOUSEHOLD, survey, CENSUS));
        LinkedPerson first = linker.link(ID, records, null, "t");
        Collections.reverse(records);
        assertThat(linker.link(ID, records, null, "t")).isEqualTo(first);
        assertThat(first.residenceStreetCode()).isEqualTo("110101007");
    }

    @Test
    void residenceTypeFollowsWhereTheHukouIsAndWhereThePersonLives() {
        assertThat(linker.link(ID, List.of(FLOATING), null, "t").residenceType()).isEqualTo(ResidenceType.FLOATING_RESIDENT);
        SourceRecord away = record(SourceKind.HOUSEHOLD_REGISTRATION, "HR-2", "2021-01-01", "李强", "110101", "110101006",
                SourceRecord.OUTSIDE, null, null, PersonStatus.PRESENT);
        LinkedPerson p = linker.link(ID, List.of(away), null, "t");
        assertThat(p.residenceType()).isEqualTo(ResidenceType.REGISTERED_AWAY);
        assertThat(p.streetCode()).as("the street of registration for someone living outside").isEqualTo("110101006");
        SourceRecord movedOut = record(SourceKind.MOVE, "M-1", "2022-01-01", null, null, null, SourceRecord.OUTSIDE, null,
                null, PersonStatus.MOVED_OUT);
        assertThat(linker.link(ID, List.of(away, movedOut), null, "t").residenceType()).isNull();
    }

    @Test
    void aRuleFileThatLeavesAFieldUndecidedDoesNotLoad() {
        String missingStatus = "{\"version\":\"x\",\"description\":\"d\",\"rules\":[{\"fields\":[\"name\",\"sex\",\"birthDate\","
                + "\"hukouPlace\",\"hukouType\",\"registrationStreetCode\",\"householdId\",\"residenceStreetCode\","
                + "\"residenceCommunity\",\"residenceSince\"],\"rule\":\"PRECEDENCE\",\"order\":[\"CENSUS\"]}]}";
        assertThatThrownBy(() -> ConflictRules.load(new ByteArrayInputStream(missingStatus.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("no rule for [status]");
    }
}
