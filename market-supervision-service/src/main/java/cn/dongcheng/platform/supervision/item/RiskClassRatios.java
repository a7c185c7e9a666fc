package cn.dongcheng.platform.supervision.item;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/**
 * Sampling ratio per SAMR enterprise credit-risk class (A low … D high risk): higher risk, more checks. A published
 * local example (supervision facts): A ≤ 5 %, B 5–20 %, C 21–60 %, D 61–100 %.
 */
public record RiskClassRatios(@JsonProperty("A") BigDecimal a, @JsonProperty("B") BigDecimal b,
                              @JsonProperty("C") BigDecimal c, @JsonProperty("D") BigDecimal d) {

    /** The ratio for a class letter, or null when the item sets none for it. */
    public BigDecimal of(char riskClass) {
        return switch (riskClass) {
            case 'A' -> a;
            case 'B' -> b;
            case 'C' -> c;
            case 'D' -> d;
            default -> throw new IllegalArgumentException("no risk class " + riskClass);
        };
    }
}
