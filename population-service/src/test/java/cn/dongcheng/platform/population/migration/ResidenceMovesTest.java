package cn.dongcheng.platform.population.migration;

import cn.dongcheng.platform.population.linkage.PersonStatus;
import cn.dongcheng.platform.population.linkage.SourceKind;
import cn.dongcheng.platform.population.linkage.SourceRecord;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResidenceMovesTest {

    private static final LocalDate FROM = LocalDate.of(2021, 1, 1);
    private static final LocalDate TO = LocalDate.of(2021, 12, 31);

    private static SourceRecord at(SourceKind kind, String date, String street, String since, PersonStatus status) {
        String sourceId = kind + date;
        return new SourceRecord(SourceRecord.keyOf(kind, sourceId), kind, sourceId, LocalDate.parse(date), "X", null, null,
                null, null, null, null, street, null, null, since == null ? null : LocalDate.parse(since), status, null, null, null);
    }

    private static ResidenceMoves.Move move(String origin, String destination, String date) {
        return new ResidenceMoves.Move(origin, destination, LocalDate.parse(date));
    }

    @Test
    void aMoveIsAChangeBetweenConsecutiveRecordsDatedByTheLaterOnesResidenceSince() {
        List<SourceRecord> records = List.of(
                at(SourceKind.CENSUS, "2021-11-01", "110101002", null, PersonStatus.PRESENT),
                at(SourceKind.MOVE, "2021-03-01", "110101002", "2021-02-15", PersonStatus.PRESENT),
                at(SourceKind.HOUSEHOLD_REGISTRATION, "2019-01-01", "110101001", null, PersonStatus.PRESENT));
        assertThat(ResidenceMoves.of(records, FROM, TO)).containsExactly(move("110101001", "110101002", "2021-02-15"));
        assertThat(ResidenceMoves.of(records, LocalDate.of(2021, 2, 16), TO)).as("the period's bounds").isEmpty();
        assertThat(ResidenceMoves.of(records, FROM, LocalDate.of(2021, 2, 15))).hasSize(1);
    }

    @Test
    void movingOutWithoutAStreetGoesOutsideAndAtEqualDatesTheCensusStands() {
        assertThat(ResidenceMoves.of(List.of(
                at(SourceKind.FLOATING_RESIDENCE, "2020-06-01", "110101003", null, PersonStatus.PRESENT),
                at(SourceKind.MOVE, "2021-05-01", null, null, PersonStatus.MOVED_OUT),
                at(SourceKind.DEATH, "2021-06-01", null, null, PersonStatus.DECEASED)), FROM, TO))
                .containsExactly(move("110101003", "OUTSIDE", "2021-05-01"));
        assertThat(ResidenceMoves.of(List.of(
                at(SourceKind.HOUSEHOLD_REGISTRATION, "2018-01-01", "OUTSIDE", null, PersonStatus.PRESENT),
                at(SourceKind.HOUSEHOLD_REGISTRATION, "2021-07-01", "110101004", null, PersonStatus.PRESENT),
                at(SourceKind.SAMPLE_SURVEY, "2021-11-01", "110101006", null, PersonStatus.PRESENT),
                at(SourceKind.CENSUS, "2021-11-01", "110101005", null, PersonStatus.PRESENT)), FROM, TO))
                .containsExactly(move("OUTSIDE", "110101004", "2021-07-01"), move("110101004", "110101005", "2021-11-01"));
    }

    @Test
    void aFirstRecordIsNoMove() {
        assertThat(ResidenceMoves.of(List.of(at(SourceKind.FLOATING_RESIDENCE, "2021-06-01", "110101003", "2021-04-01",
                PersonStatus.PRESENT)), FROM, TO)).isEmpty();
    }
}
