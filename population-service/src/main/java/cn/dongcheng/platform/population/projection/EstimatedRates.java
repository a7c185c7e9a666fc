package cn.dongcheng.platform.population.projection;

import cn.dongcheng.platform.population.projection.RecordedRates.VitalRegistrations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Mortality and fertility estimated from the register (由登记数据估计的死亡率与生育率): a year of registered deaths and
 * births against the residents counted on its last day. District-wide, and applied to every street: a street's few
 * deaths at each age would give rates of chance.
 *
 * <p>Death rate nMx = D(x) / (P(x) + D(x)/2): the residents counted on the last day no longer include the year's
 * deceased, who were exposed half a year on average (migration during the year is not known by age and is left
 * out). A group without residents or deaths to go by — no exposure, or the open-ended group without a death (its rate
 * must be positive) — takes the model rate, and {@code substituted} lists it. Fertility: the register does not link a
 * birth to its mother, so her age is unknown; the model schedule keeps its shape and is scaled so that the women of
 * each age would have had the year's births: k = B / Σ f(x)·W(x) (an indirect estimate, as with a model schedule
 * fitted to a total). No births, or no women of childbearing age: the model schedule, {@code fertilityRates} null.
 *
 * @param exposure         P(x) + D(x)/2 by sex
 * @param substitutedAges  start ages of the groups that took the model's death rate, by sex
 * @param expectedBirths   Σ f(x)·W(x): births the model schedule gives the counted women in a year
 * @param fertilityFactor  k; null when the model schedule stands
 */
public record EstimatedRates(LocalDate from, LocalDate to, BySex deaths, BySex exposure, BySex deathRates,
                             SubstitutedAges substitutedAges, long births, double expectedBirths, Double fertilityFactor,
                             double[] fertilityRates) {

    public record SubstitutedAges(List<Integer> male, List<Integer> female) {
    }

    static EstimatedRates of(VitalRegistrations year, BySex residents, AgeGroups groups, double[] modelMale,
                             double[] modelFemale, double[] modelFertility) {
        BySex exposure = BySex.zeros(groups.count());
        BySex rates = BySex.zeros(groups.count());
        List<Integer> maleSubstituted = estimate(year.deaths().male(), residents.male(), modelMale, groups,
                exposure.male(), rates.male());
        List<Integer> femaleSubstituted = estimate(year.deaths().female(), residents.female(), modelFemale, groups,
                exposure.female(), rates.female());
        double expected = 0;
        for (int i = 0; i < groups.count(); i++) {
            expected += modelFertility[i] * residents.female()[i];
        }
        Double factor = null;
        double[] fertility = null;
        if (year.births() > 0 && expected > 0) {
            factor = year.births() / expected;
            fertility = new double[groups.count()];
            for (int i = 0; i < groups.count(); i++) {
                fertility[i] = modelFertility[i] * factor;
            }
        }
        return new EstimatedRates(year.from(), year.to(), year.deaths(), exposure, rates,
                new SubstitutedAges(maleSubstituted, femaleSubstituted), year.births(), expected, factor, fertility);
    }

    /** Fills exposure and rates of one sex; returns the start ages of the groups given the model's rate. */
    private static List<Integer> estimate(double[] deaths, double[] residents, double[] model, AgeGroups groups,
                                          double[] exposure, double[] rates) {
        List<Integer> substituted = new ArrayList<>();
        for (int i = 0; i < groups.count(); i++) {
            exposure[i] = residents[i] + deaths[i] / 2;
            boolean open = i == groups.last();
            if (exposure[i] > 0 && !(open && deaths[i] == 0)) {
                rates[i] = deaths[i] / exposure[i];
            } else {
                rates[i] = model[i];
                substituted.add(groups.startAge(i));
            }
        }
        return substituted;
    }
}
