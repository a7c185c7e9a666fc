package cn.dongcheng.platform.population.projection;

/**
 * Age-specific fertility rates (分年龄生育率 nf(x): births per woman-year in the mother's age group) with the sex
 * ratio at birth (出生性别比, boys per 100 girls), and the reproduction indicators (PHG ch. 5):
 * TFR (总和生育率) = n·Σ nf(x); GRR (毛再生产率) = TFR × girls' share of births, girls' share = 100/(100 + SRB);
 * NRR (净再生产率) = Σ nf(x) × girls' share × nL(x)/l(0) with the female life table.
 */
public final class FertilitySchedule {

    private final AgeGroups groups;
    private final double[] rates;
    private final double sexRatioAtBirth;

    /**
     * @param rates one rate per age group (zero outside the childbearing ages; the first and the open-ended group
     *              must be zero, as the projection's birth formula needs a closed group on either side)
     */
    public FertilitySchedule(AgeGroups groups, double[] rates, double sexRatioAtBirth) {
        if (rates.length != groups.count()) {
            throw new IllegalArgumentException("one fertility rate per age group expected: " + groups.count());
        }
        if (rates[0] != 0 || rates[groups.last()] != 0) {
            throw new IllegalArgumentException("no births to the first or the open-ended age group");
        }
        if (!(sexRatioAtBirth > 0)) {
            throw new IllegalArgumentException("sex ratio at birth must be positive");
        }
        this.groups = groups;
        this.rates = rates.clone();
        this.sexRatioAtBirth = sexRatioAtBirth;
    }

    /** Rates for ages from {@code firstAge} on (a multiple of the width), zero elsewhere. */
    public static FertilitySchedule fromAge(AgeGroups groups, int firstAge, double[] rates, double sexRatioAtBirth) {
        double[] all = new double[groups.count()];
        System.arraycopy(rates, 0, all, firstAge / groups.width(), rates.length);
        return new FertilitySchedule(groups, all, sexRatioAtBirth);
    }

    public double rate(int group) {
        return rates[group];
    }

    double[] rates() {
        return rates;
    }

    public double sexRatioAtBirth() {
        return sexRatioAtBirth;
    }

    /** Share of girls among births, 100/(100 + SRB). */
    public double femaleShareOfBirths() {
        return 100 / (100 + sexRatioAtBirth);
    }

    public double totalFertilityRate() {
        return groups.width() * BySex.sum(rates);
    }

    public double grossReproductionRate() {
        return totalFertilityRate() * femaleShareOfBirths();
    }

    public double netReproductionRate(LifeTable female) {
        double nrr = 0;
        for (int i = 0; i < rates.length; i++) {
            nrr += rates[i] * female.personYears(i);
        }
        return nrr * femaleShareOfBirths() / female.radix();
    }
}
