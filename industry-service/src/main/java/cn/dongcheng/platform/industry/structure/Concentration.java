package cn.dongcheng.platform.industry.structure;

import java.util.List;

/**
 * Market concentration of one measure: HHI = Σ (share in %)² over all enterprises (0–10,000; below 1,500
 * unconcentrated, 1,500–2,500 moderate, above 2,500 high) and CR4 / CR10 = the top four / ten shares summed (%).
 *
 * @param hhi   computed from the sum of squares and the total, both in the same unit
 * @param level unconcentrated, moderate or high
 */
public record Concentration(Double hhi, Double cr4, Double cr10, String level) {

    /**
     * @param total      Σ x over all enterprises
     * @param sumSquares Σ x² over all enterprises, x in the same unit as {@code total}
     * @param topValues  the largest values, largest first (at least ten where there are ten enterprises)
     */
    public static Concentration of(double total, double sumSquares, List<Double> topValues) {
        if (total <= 0) {
            return new Concentration(null, null, null, null);
        }
        double hhi = round(10_000.0 * sumSquares / (total * total));
        return new Concentration(hhi, round(100 * top(topValues, 4) / total), round(100 * top(topValues, 10) / total),
                hhi < 1_500 ? "unconcentrated" : hhi <= 2_500 ? "moderate" : "high");
    }

    private static double top(List<Double> values, int n) {
        return values.stream().limit(n).mapToDouble(Double::doubleValue).sum();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
