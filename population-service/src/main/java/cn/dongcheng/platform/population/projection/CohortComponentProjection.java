package cn.dongcheng.platform.population.projection;

/**
 * Cohort-component projection (队列要素法人口预测) for both sexes, after Preston, Heuveline &amp; Guillot,
 * <i>Demography</i> (2001) ch. 6, and UN Manual III (1956). A step is as long as an age group is wide (n years):
 * <ul>
 *   <li>survival (存活): N(x+n, t+n) = N(x, t) · nL(x+n)/nL(x); the open-ended group
 *       N(ω+, t+n) = (N(ω−n, t) + N(ω+, t)) · T(ω)/T(ω−n);</li>
 *   <li>births (出生) over the period: B = n · Σ nf(x) · (NF(x, t) + NF(x, t+n))/2, the women at the start and at
 *       the end of the period; boys B·SRB/(100+SRB), girls B·100/(100+SRB); the survivors into the first group
 *       B · nL(0)/(n·l(0)) of each sex's table;</li>
 *   <li>net migration (净迁移) by age group and sex, an annual count × n per period, added <b>half at the start and
 *       half at the end</b> of the period: the first half is exposed to mortality and its women to fertility, the
 *       second half counts in the end-of-period women of the birth formula but does not die in the period;</li>
 *   <li>deaths (死亡) by balance: N(t) + births + net migration − N(t+n), per sex.</li>
 * </ul>
 * Rates and migration are constant over the horizon. The arithmetic is on plain {@code double[]} (one array per
 * sex and step), so a 30-year single-year run of the 17 streets is a few hundred thousand multiplications.
 */
public final class CohortComponentProjection {

    private CohortComponentProjection() {
    }

    public static ProjectionRun run(ProjectionInputs in) {
        int k = in.groups().count();
        int n = in.groups().width();
        int steps = in.steps();
        double[] survivalMale = in.maleLifeTable().survivalRatios();
        double[] survivalFemale = in.femaleLifeTable().survivalRatios();
        double[] fertility = in.fertility().rates();
        double girls = in.fertility().femaleShareOfBirths();
        double[] halfMigrationMale = scaled(in.annualNetMigration().male(), n / 2.0);
        double[] halfMigrationFemale = scaled(in.annualNetMigration().female(), n / 2.0);
        double migrationMale = n * BySex.sum(in.annualNetMigration().male());
        double migrationFemale = n * BySex.sum(in.annualNetMigration().female());

        double[][] male = new double[steps + 1][];
        double[][] female = new double[steps + 1][];
        male[0] = in.basePopulation().male().clone();
        female[0] = in.basePopulation().female().clone();
        double[] birthsMale = new double[steps + 1];
        double[] birthsFemale = new double[steps + 1];
        double[] deathsMale = new double[steps + 1];
        double[] deathsFemale = new double[steps + 1];
        double[] migration = new double[steps + 1];
        double[] startFemale = new double[k];
        for (int s = 1; s <= steps; s++) {
            male[s] = survive(male[s - 1], halfMigrationMale, survivalMale, null);
            female[s] = survive(female[s - 1], halfMigrationFemale, survivalFemale, startFemale);
            double births = 0;
            for (int i = 1; i < k - 1; i++) {
                births += fertility[i] * (startFemale[i] + female[s][i]) / 2;
            }
            births *= n;
            birthsFemale[s] = births * girls;
            birthsMale[s] = births - birthsFemale[s];
            female[s][0] = birthsFemale[s] * survivalFemale[0] + halfMigrationFemale[0];
            male[s][0] = birthsMale[s] * survivalMale[0] + halfMigrationMale[0];
            migration[s] = migrationMale + migrationFemale;
            deathsMale[s] = BySex.sum(male[s - 1]) + birthsMale[s] + migrationMale - BySex.sum(male[s]);
            deathsFemale[s] = BySex.sum(female[s - 1]) + birthsFemale[s] + migrationFemale
                    - BySex.sum(female[s]);
        }
        return new ProjectionRun(in, male, female, birthsMale, birthsFemale, deathsMale, deathsFemale, migration);
    }

    /**
     * One period's survivors (first group left for the births) plus the end-of-period half of the migrants; the
     * population after the start-of-period half goes into {@code start} when asked for (the birth formula's women).
     */
    private static double[] survive(double[] before, double[] halfMigration, double[] survival, double[] start) {
        int k = before.length;
        double[] after = new double[k];
        double previous = before[0] + halfMigration[0];
        if (start != null) {
            start[0] = previous;
        }
        for (int i = 1; i < k; i++) {
            double current = before[i] + halfMigration[i];
            if (start != null) {
                start[i] = current;
            }
            after[i] = (i < k - 1 ? previous : previous + current) * survival[i] + halfMigration[i];
            previous = current;
        }
        return after;
    }

    private static double[] scaled(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }
}
