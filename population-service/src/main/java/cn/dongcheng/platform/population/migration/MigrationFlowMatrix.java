package cn.dongcheng.platform.population.migration;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.population.linkage.SourceRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Origin–destination counts between the 17 streets and OUTSIDE (in and out of the district) over a period; rows are
 * origins, columns destinations, both in {@link #AREAS} order.
 */
public record MigrationFlowMatrix(LocalDate from, LocalDate to, List<String> areas, List<List<Long>> counts, long moves,
                                  List<Long> outflows, List<Long> inflows, String method) {

    public static final List<String> AREAS = Stream.concat(Stream.of(DongchengStreet.values()).map(DongchengStreet::code),
            Stream.of(SourceRecord.OUTSIDE)).toList();

    static final String METHOD = "Moves are changes of residence between a person's consecutive source records that state "
            + "one (at equal dates the census, then the household register), dated by the later record's residenceSince or "
            + "else its sourceDate, counted when that date is in [from, to]. OUTSIDE is anywhere outside Dongcheng; an "
            + "arrival counts only after a record saying OUTSIDE. Counts are of moves, not persons; cells are not "
            + "suppressed: disclosure control is not applied (statisticians only).";

    /** Counts moves into a matrix as they come. */
    static final class Builder {
        private final long[][] counts = new long[AREAS.size()][AREAS.size()];
        private long moves;

        void add(ResidenceMoves.Move move) {
            counts[AREAS.indexOf(move.origin())][AREAS.indexOf(move.destination())]++;
            moves++;
        }

        MigrationFlowMatrix build(LocalDate from, LocalDate to) {
            int n = AREAS.size();
            List<List<Long>> rows = new ArrayList<>();
            List<Long> out = new ArrayList<>();
            List<Long> in = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<Long> row = new ArrayList<>();
                long outflow = 0;
                long inflow = 0;
                for (int j = 0; j < n; j++) {
                    row.add(counts[i][j]);
                    outflow += counts[i][j];
                    inflow += counts[j][i];
                }
                rows.add(row);
                out.add(outflow);
                in.add(inflow);
            }
            return new MigrationFlowMatrix(from, to, AREAS, rows, moves, out, in, METHOD);
        }
    }
}
