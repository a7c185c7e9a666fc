package cn.dongcheng.platform.industry.money;

import cn.dongcheng.platform.common.problem.FieldProblem;

import java.math.BigDecimal;
import java.util.List;

/**
 * Amounts arrive in yuan and are stored as fen in a {@code long} (api-conventions.md). Reading one checks what the
 * conversion needs — at most two decimals, a magnitude the store can hold — and reports a failure as the field's
 * problem; an unchecked {@code 1E+30} used to overflow and abort the whole upload.
 */
public final class Yuan {

    /** 100 trillion yuan: far above any real amount, far below a long's fen (9.2 × 10^14 yuan). */
    public static final BigDecimal MAX_STORABLE = new BigDecimal("100000000000000");

    private Yuan() {
    }

    /**
     * Fen for a yuan amount, or null (with the problem added) when it breaks a rule.
     *
     * @param max largest magnitude accepted, in yuan
     */
    public static Long toFen(String field, BigDecimal yuan, boolean nonNegative, BigDecimal max, List<FieldProblem> problems) {
        if (yuan == null) {
            return null;
        }
        if (yuan.scale() > 2) {
            problems.add(new FieldProblem(field, "must have at most 2 decimals (yuan)"));
        } else if (nonNegative && yuan.signum() < 0) {
            problems.add(new FieldProblem(field, "must not be negative, got " + yuan.toPlainString()));
        } else if (yuan.abs().compareTo(max) > 0) {
            problems.add(new FieldProblem(field, "must be at most " + max.toPlainString() + " yuan"));
        } else {
            return yuan.movePointRight(2).longValueExact();
        }
        return null;
    }
}
