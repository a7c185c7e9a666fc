package cn.dongcheng.platform.population.projection;

/**
 * A period life table (生命表) on {@link AgeGroups}: survivors l(x) (尚存人数), person-years lived nL(x) (生存人年数),
 * person-years above T(x) and life expectancy e(x) = T(x)/l(x) (预期寿命).
 *
 * <p>From death rates (死亡率 nm(x)) with Preston, Heuveline &amp; Guillot, <i>Demography</i> (2001) ch. 3:
 * nq(x) = n·nm(x) / (1 + (n − na(x))·nm(x)) (capped at 1), l(x+n) = l(x)·(1 − nq(x)), nd(x) = l(x) − l(x+n),
 * nL(x) = n·l(x+n) + na(x)·nd(x); the open interval L = l/m; T(x) = Σ L from x. Without given na(x) (average
 * years lived in the interval by those dying in it) the default is n/2, except the first single-year group, where
 * Coale–Demeny's 1a0 is used (PHG table 3.3: males 0.045 + 2.684·m0, females 0.053 + 2.800·m0; 0.330 / 0.350
 * from m0 ≥ 0.107). For a 5-year first group n/2 is kept: at today's infant mortality (about 2 per 1,000) the
 * difference in 5L0 is well under 0.2 %.
 *
 * <p>Or supplied as nL(x) with its radix l(0) (UN Manual III style inputs): then only l(0), L, T and e(0) are known.
 */
public final class LifeTable {

    private final AgeGroups groups;
    private final double radix;
    private final double[] survivors;
    private final double[] personYears;
    private final double[] personYearsAbove;

    private LifeTable(AgeGroups groups, double radix, double[] survivors, double[] personYears) {
        this.groups = groups;
        this.radix = radix;
        this.survivors = survivors;
        this.personYears = personYears;
        this.personYearsAbove = new double[personYears.length];
        double t = 0;
        for (int i = personYears.length - 1; i >= 0; i--) {
            t += personYears[i];
            personYearsAbove[i] = t;
        }
    }

    /**
     * Built from death rates nm(x), one per group (the last = the open interval's, which must be positive).
     *
     * @param separation na(x) per group (the last is not used), or null for the defaults described above
     * @param female     which Coale–Demeny 1a0 to use by default
     */
    public static LifeTable fromDeathRates(AgeGroups groups, double[] deathRates, double[] separation, boolean female,
                                           double radix) {
        int k = groups.count();
        if (deathRates.length != k || (separation != null && separation.length != k)) {
            throw new IllegalArgumentException("one death rate (and na) per age group expected: " + k);
        }
        if (!(deathRates[k - 1] > 0)) {
            throw new IllegalArgumentException("the open-ended group's death rate must be positive (L = l/m)");
        }
        int n = groups.width();
        double[] l = new double[k];
        double[] bigL = new double[k];
        l[0] = radix;
        for (int i = 0; i < k - 1; i++) {
            double m = deathRates[i];
            double a = separation != null ? separation[i] : defaultSeparation(i, n, m, female);
            double q = Math.min(1, n * m / (1 + (n - a) * m));
            l[i + 1] = l[i] * (1 - q);
            bigL[i] = n * l[i + 1] + a * (l[i] - l[i + 1]);
        }
        bigL[k - 1] = l[k - 1] / deathRates[k - 1];
        return new LifeTable(groups, radix, l, bigL);
    }

    /** Supplied person-years nL(x) per group (last = the open interval's) for a radix l(0). */
    public static LifeTable fromPersonYears(AgeGroups groups, double[] personYears, double radix) {
        if (personYears.length != groups.count()) {
            throw new IllegalArgumentException("one nL(x) per age group expected: " + groups.count());
        }
        return new LifeTable(groups, radix, null, personYears.clone());
    }

    static double defaultSeparation(int group, int width, double m, boolean female) {
        if (group == 0 && width == 1) {
            if (female) {
                return m >= 0.107 ? 0.350 : 0.053 + 2.800 * m;
            }
            return m >= 0.107 ? 0.330 : 0.045 + 2.684 * m;
        }
        return width / 2.0;
    }

    public AgeGroups groups() {
        return groups;
    }

    public double radix() {
        return radix;
    }

    public double personYears(int group) {
        return personYears[group];
    }

    public double personYearsAbove(int group) {
        return personYearsAbove[group];
    }

    /** l(x) at the group's start age; only l(0) when the table was supplied as nL(x). */
    public double survivors(int group) {
        if (survivors == null && group > 0) {
            throw new IllegalStateException("a table given as nL(x) knows only l(0)");
        }
        return survivors == null ? radix : survivors[group];
    }

    /** e(0) = T(0)/l(0). */
    public double lifeExpectancyAtBirth() {
        return personYearsAbove[0] / radix;
    }

    /** e(x) = T(x)/l(x) (NaN where no one survives to x). */
    public double lifeExpectancy(int group) {
        return personYearsAbove[group] / survivors(group);
    }

    /**
     * Survival ratios for one projection step of length n (PHG ch. 6): index 0 is births → first group,
     * nL(0)/(n·l(0)); index i (1 … k−2) group i−1 → i, nL(i)/nL(i−1); the last, both oldest groups → the open one,
     * T(last)/T(last−1). A ratio with no one alive in the denominator is 0.
     */
    public double[] survivalRatios() {
        int k = personYears.length;
        double[] s = new double[k];
        s[0] = personYears[0] / (groups.width() * radix);
        for (int i = 1; i < k - 1; i++) {
            s[i] = ratio(personYears[i], personYears[i - 1]);
        }
        s[k - 1] = ratio(personYearsAbove[k - 1], personYearsAbove[k - 2]);
        return s;
    }

    private static double ratio(double numerator, double denominator) {
        return denominator > 0 ? numerator / denominator : 0;
    }
}
