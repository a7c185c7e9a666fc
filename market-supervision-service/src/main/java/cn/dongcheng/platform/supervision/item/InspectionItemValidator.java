package cn.dongcheng.platform.supervision.item;

import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An item needs a code, a name, a legal basis (no inspection without one) and an inspecting body; ratios are
 * percentages or fractions 0–1 per risk class; sample bounds and the frequency window are sane. A valid item is
 * stored as version 1; later changes count up ({@code VersionHistory}).
 */
public final class InspectionItemValidator {

    private static final int MAX_WINDOW_DAYS = 3660;

    private InspectionItemValidator() {
    }

    public static InspectionItem validate(InspectionItem in, String updatedAt) {
        List<FieldProblem> problems = new ArrayList<>();
        String code = in.code() == null ? null : in.code().trim().toUpperCase(Locale.ROOT);
        if (code == null || !code.matches("[A-Z0-9-]{2,40}")) {
            problems.add(new FieldProblem("code", "must be 2–40 letters, digits or hyphens"));
        }
        require(problems, "name", in.name());
        require(problems, "legalBasis", in.legalBasis());
        require(problems, "inspectingBody", in.inspectingBody());
        if (in.ratioPercent() != null && (in.ratioPercent() < 0 || in.ratioPercent() > 100)) {
            problems.add(new FieldProblem("ratioPercent", "must be between 0 and 100"));
        }
        RiskClassRatios ratios = in.ratioByRiskClass();
        if (ratios != null) {
            for (char riskClass : "ABCD".toCharArray()) {
                BigDecimal ratio = ratios.of(riskClass);
                if (ratio != null && (ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0)) {
                    problems.add(new FieldProblem("ratioByRiskClass." + riskClass, "must be between 0 and 1"));
                }
            }
        }
        if (in.frequencyPerYear() != null && in.frequencyPerYear() < 0) {
            problems.add(new FieldProblem("frequencyPerYear", "must not be negative"));
        }
        if (in.frequencyWindowDays() != null && (in.frequencyWindowDays() < 0 || in.frequencyWindowDays() > MAX_WINDOW_DAYS)) {
            problems.add(new FieldProblem("frequencyWindowDays", "must be between 0 and " + MAX_WINDOW_DAYS));
        }
        if (in.minSample() != null && in.minSample() < 0) {
            problems.add(new FieldProblem("minSample", "must not be negative"));
        }
        if (in.maxSample() != null && (in.maxSample() < 1 || in.minSample() != null && in.maxSample() < in.minSample())) {
            problems.add(new FieldProblem("maxSample", "must be at least 1 and not below minSample"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new InspectionItem(code, in.name().trim(), in.legalBasis().trim(), in.inspectingBody().trim(), in.content(),
                in.method(), Boolean.TRUE.equals(in.keyItem()), in.targetType() == null ? TargetType.ALL : in.targetType(),
                in.ratioPercent(), ratios, in.frequencyPerYear(), in.frequencyWindowDays(), in.minSample(), in.maxSample(),
                in.qualification(), in.dataSource(), 1, updatedAt);
    }

    private static void require(List<FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
        }
    }
}
