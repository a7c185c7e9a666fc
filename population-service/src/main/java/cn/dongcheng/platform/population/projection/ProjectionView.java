package cn.dongcheng.platform.population.projection;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Answer of {@code POST /v1/projections}: per area, the population by age group and sex at every step (the first
 * = the base year), with births, deaths, net migration and growth rate of the period before it; the reproduction
 * and mortality indicators of the (constant) rates; and where each input came from.
 */
public record ProjectionView(int baseYear, int horizonYears, int ageGroupWidth, int openAge, List<String> ageGroups,
                             Assumptions assumptions, Indicators indicators, List<AreaProjection> areas) {

    /**
     * @param basePopulation REGISTER (residents counted on {@code registerDate}) or SUPPLIED
     * @param mortality      MODEL (the reference's), REGISTER (estimated: {@code ratesFrom: RECORDS}), SUPPLIED_DEATH_RATES,
     *                       SUPPLIED_PERSON_YEARS or SUPPLIED_MIXED (one sex each)
     * @param fertility      MODEL, REGISTER or SUPPLIED
     * @param netMigration   NONE or SUPPLIED
     * @param estimatedFromRecords the year of registrations and the rates estimated from it ({@code ratesFrom:
     *                       RECORDS}), else null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Assumptions(String basePopulation, LocalDate registerDate, String mortality, String fertility,
                              double sexRatioAtBirth, String netMigration, String migrationConvention,
                              String method, String reference, List<String> notes, EstimatedRates estimatedFromRecords) {
    }

    /** TFR 总和生育率, GRR 毛再生产率, NRR 净再生产率, e0 出生时预期寿命 — the same at every step (rates held constant). */
    public record Indicators(double totalFertilityRate, double grossReproductionRate, double netReproductionRate,
                             double lifeExpectancyMale, double lifeExpectancyFemale) {

        static Indicators of(ProjectionInputs in) {
            FertilitySchedule f = in.fertility();
            return new Indicators(round(f.totalFertilityRate(), 4), round(f.grossReproductionRate(), 4),
                    round(f.netReproductionRate(in.femaleLifeTable()), 4),
                    round(in.maleLifeTable().lifeExpectancyAtBirth(), 2), round(in.femaleLifeTable().lifeExpectancyAtBirth(), 2));
        }
    }

    public record AreaProjection(String areaCode, String areaName, List<Step> steps) {

        static AreaProjection of(String code, String name, ProjectionRun run) {
            List<Step> steps = new ArrayList<>(run.steps() + 1);
            for (int s = 0; s <= run.steps(); s++) {
                steps.add(Step.of(run, s));
            }
            return new AreaProjection(code, name, steps);
        }
    }

    /**
     * One step: population by age group and sex (people, to 0.01) and, except for the base year, the period's
     * births, deaths (by balance), net migration and exponential growth rate r = ln(P(t+n)/P(t))/n per year.
     */
    public record Step(int year, @JsonSerialize(using = HundredthsSerializer.class) double[] male,
                       @JsonSerialize(using = HundredthsSerializer.class) double[] female, double totalMale, double totalFemale, double total,
                       Double births, Double birthsMale, Double birthsFemale, Double deaths, Double netMigration,
                       Double growthRate) {

        static Step of(ProjectionRun run, int s) {
            boolean base = s == 0;
            double growth = base ? Double.NaN : run.growthRate(s);
            return new Step(run.year(s), round(run.male()[s]), round(run.female()[s]), round(run.totalMale(s), 2),
                    round(run.totalFemale(s), 2), round(run.total(s), 2),
                    base ? null : round(run.birthsMale()[s] + run.birthsFemale()[s], 2),
                    base ? null : round(run.birthsMale()[s], 2), base ? null : round(run.birthsFemale()[s], 2),
                    base ? null : round(run.deathsMale()[s] + run.deathsFemale()[s], 2),
                    base ? null : round(run.netMigration()[s], 2), Double.isNaN(growth) ? null : round(growth, 6));
        }
    }

    static List<String> labels(AgeGroups groups) {
        List<String> labels = new ArrayList<>(groups.count());
        for (int i = 0; i < groups.count(); i++) {
            int x = groups.startAge(i);
            labels.add(i == groups.last() ? x + "+" : groups.width() == 1 ? Integer.toString(x) : x + "-" + (x + groups.width() - 1));
        }
        return labels;
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    static double[] round(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = round(values[i], 2);
        }
        return out;
    }
}
