package cn.dongcheng.platform.supervision.item;

import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An item needs a code, a name, a legal basis and an inspecting body; ratios are percentages. */
public final class InspectionItemValidator {

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
        if (in.frequencyPerYear() != null && in.frequencyPerYear() < 0) {
            problems.add(new FieldProblem("frequencyPerYear", "must not be negative"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new InspectionItem(code, in.name().trim(), in.legalBasis().trim(), in.inspectingBody().trim(), in.content(),
                in.method(), Boolean.TRUE.equals(in.keyItem()), in.ratioPercent(), in.frequencyPerYear(), in.qualification(),
                in.dataSource(), updatedAt);
    }

    private static void require(List<FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
        }
    }
}
