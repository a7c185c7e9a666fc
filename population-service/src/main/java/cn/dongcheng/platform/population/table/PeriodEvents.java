package cn.dongcheng.platform.population.table;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.population.migration.MigrationFlowMatrix;
import cn.dongcheng.platform.population.statistics.VitalRates;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The births, deaths and moves of a period by street (出生、死亡、迁移): births and deaths per street in
 * {@link DongchengStreet} order, moves as the migration-flow matrix counts them.
 */
public record PeriodEvents(LocalDate from, LocalDate to, long[] births, long[] deaths, MigrationFlowMatrix flows) {

    /**
     * The rates of an area (one street, or the streets of a table's margin) whose residents on {@code to} number
     * {@code endPopulation}: moves in from anywhere outside the area, out to anywhere outside it.
     */
    public VitalRates rates(long endPopulation, Collection<DongchengStreet> area) {
        List<String> areas = MigrationFlowMatrix.AREAS;
        long born = 0;
        long died = 0;
        long in = 0;
        long out = 0;
        for (DongchengStreet s : area) {
            born += births[s.ordinal()];
            died += deaths[s.ordinal()];
        }
        for (int o = 0; o < areas.size(); o++) {
            boolean fromInside = inside(areas.get(o), area);
            for (int d = 0; d < areas.size(); d++) {
                boolean toInside = inside(areas.get(d), area);
                long moves = flows.counts().get(o).get(d);
                if (!fromInside && toInside) {
                    in += moves;
                } else if (fromInside && !toInside) {
                    out += moves;
                }
            }
        }
        return new VitalRates(endPopulation, born, died, in, out);
    }

    private static boolean inside(String code, Collection<DongchengStreet> area) {
        return area.stream().anyMatch(s -> s.code().equals(code));
    }
}
