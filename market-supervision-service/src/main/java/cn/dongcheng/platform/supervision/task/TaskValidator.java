package cn.dongcheng.platform.supervision.task;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.problem.FieldProblem;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.supervision.item.InspectionItem;
import cn.dongcheng.platform.supervision.item.RiskClassRatios;
import cn.dongcheng.platform.supervision.item.TargetType;
import cn.dongcheng.platform.supervision.plan.InspectionPlan;
import cn.dongcheng.platform.supervision.plan.PlanValidator;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A task needs a legal basis (国办发〔2015〕58号: no inspection without one), items from the published list (their
 * current versions are recorded), at least one of them the plan's own department's, target filters the directory
 * knows, per-class ratios within 0–1 and — for general items — within the item's own ratio (key items have no cap),
 * and public random sources named now whose values can only be known later, after a time still in the future.
 */
public final class TaskValidator {

    static final int MAX_ITEMS = 20;
    static final int MAX_SOURCES = 10;
    static final Set<String> STATUSES = Set.of("ACTIVE", "REVOKED", "DEREGISTERED", "MOVED_OUT");

    private TaskValidator() {
    }

    /**
     * @param items the published item by code, empty when the list has no such item
     * @param now   the district's now; the sources' time must be after it
     */
    public static SpotCheckTask validate(TaskInput in, InspectionPlan plan, Function<String, Optional<InspectionItem>> items,
                                         OffsetDateTime now, String createdBy) {
        if (in == null) {
            throw new InvalidInputException("body", "is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (in.batch() == null || in.batch() < 1 || in.batch() > 99) {
            problems.add(new FieldProblem("batch", "must be 1–99"));
        }
        PlanValidator.text(problems, "name", in.name());
        if (in.legalBasis() == null || in.legalBasis().isBlank()) {
            problems.add(new FieldProblem("legalBasis", "is required: no spot check without a legal basis"));
        } else if (in.legalBasis().length() > PlanValidator.MAX_TEXT) {
            problems.add(new FieldProblem("legalBasis", "must be at most " + PlanValidator.MAX_TEXT + " characters"));
        }
        List<TaskItem> resolved = items(in.items(), items, problems);
        if (!resolved.isEmpty() && resolved.stream().noneMatch(i -> i.inspectingBody().equals(plan.department()))) {
            problems.add(new FieldProblem("items", "needs at least one item of the plan's department " + plan.department()));
        }
        TargetFilters targets = targets(in.targets(), resolved, problems);
        ratios(in.ratioByRiskClass(), resolved, problems);
        sources(in.randomSources(), problems);
        OffsetDateTime enterableAfter = enterableAfter(in.sourcesEnterableAfter(), now, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Set<String> departments = new LinkedHashSet<>();
        departments.add(plan.department());
        resolved.forEach(i -> departments.add(i.inspectingBody()));
        List<AnnouncedSource> sources = in.randomSources().stream()
                .map(s -> new AnnouncedSource(s.name().trim(), s.description())).toList();
        return new SpotCheckTask(plan.planId() + "-B" + String.format(Locale.ROOT, "%02d", in.batch()), plan.planId(), in.batch(),
                in.name().trim(), in.legalBasis().trim(), plan.department(), List.copyOf(departments), departments.size() > 1,
                resolved, targets, in.ratioByRiskClass(), sources, enterableAfter.toString(), now.toString(), createdBy);
    }

    private static List<TaskItem> items(List<String> codes, Function<String, Optional<InspectionItem>> items,
                                        List<FieldProblem> problems) {
        if (codes == null || codes.isEmpty() || codes.size() > MAX_ITEMS) {
            problems.add(new FieldProblem("items", "must name 1–" + MAX_ITEMS + " inspection items"));
            return List.of();
        }
        List<TaskItem> resolved = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i) == null ? "" : codes.get(i).trim().toUpperCase(Locale.ROOT);
            String field = "items[" + i + "]";
            if (!code.matches("[A-Z0-9-]{2,40}")) {
                problems.add(new FieldProblem(field, "must be an inspection-item code"));
            } else if (!seen.add(code)) {
                problems.add(new FieldProblem(field, "is named twice"));
            } else {
                Optional<InspectionItem> item = items.apply(code);
                if (item.isEmpty()) {
                    problems.add(new FieldProblem(field, "is not on the published inspection-item list"));
                } else {
                    resolved.add(TaskItem.of(item.get()));
                }
            }
        }
        return resolved;
    }

    private static TargetFilters targets(TargetFilters in, List<TaskItem> items, List<FieldProblem> problems) {
        TargetFilters filters = in == null ? new TargetFilters(null, null, null, null) : in;
        String street = blankToNull(filters.streetCode());
        if (street != null && DongchengStreet.byCode(street).isEmpty()) {
            problems.add(new FieldProblem("targets.streetCode", "must be one of 110101001–110101017"));
        }
        String section = blankToNull(filters.industrySection());
        section = section == null ? null : section.toUpperCase(Locale.ROOT);
        if (section != null && !section.matches("[A-T]")) {
            problems.add(new FieldProblem("targets.industrySection", "must be a GB/T 4754-2017 section letter A–T"));
        }
        String status = blankToNull(filters.status());
        status = status == null ? "ACTIVE" : status.toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            problems.add(new FieldProblem("targets.status", "must be one of " + STATUSES));
        }
        TargetType type = filters.entityType();
        if (type == null) {
            type = items.stream().map(TaskItem::targetType).filter(t -> t != TargetType.ALL).distinct().count() == 1
                    ? items.stream().map(TaskItem::targetType).filter(t -> t != TargetType.ALL).findFirst().orElseThrow()
                    : TargetType.ALL;
        }
        for (TaskItem item : items) {
            if (item.targetType() != TargetType.ALL && item.targetType() != type) {
                problems.add(new FieldProblem("targets.entityType", "item " + item.code() + " applies to " + item.targetType()
                        + " only, the task draws " + type));
            }
        }
        return new TargetFilters(street, section, status, type);
    }

    private static void ratios(RiskClassRatios ratios, List<TaskItem> items, List<FieldProblem> problems) {
        if (ratios == null) {
            return;
        }
        for (char riskClass : SamplingRules.RISK_CLASSES) {
            BigDecimal ratio = ratios.of(riskClass);
            String field = "ratioByRiskClass." + riskClass;
            if (ratio == null) {
                continue;
            }
            if (ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
                problems.add(new FieldProblem(field, "must be between 0 and 1"));
                continue;
            }
            for (TaskItem item : items) {
                BigDecimal cap = SamplingRules.itemRatio(item, riskClass);
                if (!item.keyItem() && ratio.compareTo(cap) > 0) {
                    problems.add(new FieldProblem(field, "exceeds the ratio " + cap.toPlainString() + " of general item " + item.code()));
                }
            }
        }
    }

    private static void sources(List<AnnouncedSource> sources, List<FieldProblem> problems) {
        if (sources == null || sources.isEmpty() || sources.size() > MAX_SOURCES) {
            problems.add(new FieldProblem("randomSources", "must name 1–" + MAX_SOURCES + " public random sources"));
            return;
        }
        for (int i = 0; i < sources.size(); i++) {
            AnnouncedSource source = sources.get(i);
            PlanValidator.text(problems, "randomSources[" + i + "].name", source == null ? null : source.name());
        }
    }

    /** An ISO date-time, with offset or Beijing time without one. */
    private static OffsetDateTime enterableAfter(String raw, OffsetDateTime now, List<FieldProblem> problems) {
        String field = "sourcesEnterableAfter";
        if (raw == null || raw.isBlank()) {
            problems.add(new FieldProblem(field, "is required: when the announced sources become known"));
            return null;
        }
        OffsetDateTime at;
        try {
            at = raw.length() > 19 && (raw.endsWith("Z") || raw.matches(".*[+-]\\d{2}:\\d{2}$"))
                    ? OffsetDateTime.parse(raw)
                    : LocalDateTime.parse(raw).atZone(ZoneId.from(now.getOffset())).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be an ISO date-time such as 2026-12-01T21:30"));
            return null;
        }
        if (!at.isAfter(now)) {
            problems.add(new FieldProblem(field, "must be in the future: sources already known could be chosen to steer the draw"));
        }
        return at.withOffsetSameInstant(now.getOffset());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
