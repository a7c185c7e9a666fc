package cn.dongcheng.platform.population.migration;

import cn.dongcheng.platform.population.linkage.PersonStatus;
import cn.dongcheng.platform.population.linkage.SourceKind;
import cn.dongcheng.platform.population.linkage.SourceRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The moves (迁移) one person's source records show: their residences in the order the records were made (at equal
 * dates one record only, the census before the register before the rest, as the conflict rule orders residence), and a
 * move wherever the residence differs from the one before, dated by the later record's {@code residenceSince}, else
 * its {@code sourceDate}. A record saying MOVED_OUT without a street puts the person OUTSIDE. A first record is no
 * move: an arrival from outside shows only after a record that says OUTSIDE.
 */
public final class ResidenceMoves {

    /** At equal dates, which record's residence stands (the conflict rule's residence order). */
    private static final List<SourceKind> AT_EQUAL_DATES = List.of(SourceKind.CENSUS, SourceKind.HOUSEHOLD_REGISTRATION,
            SourceKind.FLOATING_RESIDENCE, SourceKind.MOVE, SourceKind.BIRTH, SourceKind.SAMPLE_SURVEY, SourceKind.DEATH);

    public record Move(String origin, String destination, LocalDate date) {
    }

    private ResidenceMoves() {
    }

    /** The residence a record states, if any: a street, or OUTSIDE. */
    static String residenceOf(SourceRecord r) {
        if (r.residenceStreetCode() != null) {
            return r.residenceStreetCode();
        }
        return r.status() == PersonStatus.MOVED_OUT ? SourceRecord.OUTSIDE : null;
    }

    /** Every move of one person's records (any order) dated from {@code from} to {@code to}, both included. */
    public static List<Move> of(List<SourceRecord> records, LocalDate from, LocalDate to) {
        List<SourceRecord> stating = new ArrayList<>(records.stream().filter(r -> residenceOf(r) != null).toList());
        stating.sort(Comparator.comparing(SourceRecord::sourceDate)
                .thenComparing(r -> AT_EQUAL_DATES.indexOf(r.source()))
                .thenComparing(SourceRecord::sourceId, Comparator.reverseOrder()));
        List<Move> moves = new ArrayList<>();
        SourceRecord previous = null;
        for (SourceRecord r : stating) {
            if (previous != null && previous.sourceDate().equals(r.sourceDate())) {
                continue; // the first of a date stands
            }
            if (previous != null && !residenceOf(previous).equals(residenceOf(r))) {
                LocalDate date = r.residenceSince() != null ? r.residenceSince() : r.sourceDate();
                if (!date.isBefore(from) && !date.isAfter(to)) {
                    moves.add(new Move(residenceOf(previous), residenceOf(r), date));
                }
            }
            previous = r;
        }
        return moves;
    }
}
