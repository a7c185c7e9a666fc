package cn.dongcheng.platform.population.projection;

/**
 * The result of one projection: population by age group and sex at every step (step 0 = the base population),
 * and the births, deaths and net migration of each period (index s = the period ending at step s; index 0 unused).
 */
public record ProjectionRun(ProjectionInputs inputs, double[][] male, double[][] female, double[] birthsMale,
                            double[] birthsFemale, double[] deathsMale, double[] deathsFemale, double[] netMigration) {

    public int steps() {
        return male.length - 1;
    }

    public int year(int step) {
        return inputs.baseYear() + step * inputs.groups().width();
    }

    /** The step at {@code year}, or −1 if no step falls on it. */
    public int stepOf(int year) {
        int offset = year - inputs.baseYear();
        int n = inputs.groups().width();
        return offset < 0 || offset % n != 0 || offset / n > steps() ? -1 : offset / n;
    }

    public double totalMale(int step) {
        return BySex.sum(male[step]);
    }

    public double totalFemale(int step) {
        return BySex.sum(female[step]);
    }

    public double total(int step) {
        return totalMale(step) + totalFemale(step);
    }

    /** Exponential growth rate over the period ending at {@code step}: r = ln(P(t+n)/P(t))/n; NaN without people. */
    public double growthRate(int step) {
        double before = total(step - 1);
        double after = total(step);
        return before > 0 && after > 0 ? Math.log(after / before) / inputs.groups().width() : Double.NaN;
    }

    /** True when some age group of some step went below zero (out-migration larger than the cohort). */
    public boolean hasNegativeCohort() {
        for (int s = 0; s <= steps(); s++) {
            for (int i = 0; i < male[s].length; i++) {
                if (male[s][i] < 0 || female[s][i] < 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
