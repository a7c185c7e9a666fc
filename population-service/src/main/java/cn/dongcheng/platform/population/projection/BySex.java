package cn.dongcheng.platform.population.projection;

/** One vector per sex over the age groups (counts or rates); arrays are used as given, not copied. */
public record BySex(double[] male, double[] female) {

    public static BySex zeros(int groups) {
        return new BySex(new double[groups], new double[groups]);
    }

    public double total() {
        return sum(male) + sum(female);
    }

    /** This vector times {@code factor}, plus {@code other} (both may be null = zero). */
    public static BySex scaledSum(BySex other, BySex vector, double factor) {
        int k = vector.male().length;
        double[] m = new double[k];
        double[] f = new double[k];
        for (int i = 0; i < k; i++) {
            m[i] = factor * vector.male()[i] + (other == null ? 0 : other.male()[i]);
            f[i] = factor * vector.female()[i] + (other == null ? 0 : other.female()[i]);
        }
        return new BySex(m, f);
    }

    static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
