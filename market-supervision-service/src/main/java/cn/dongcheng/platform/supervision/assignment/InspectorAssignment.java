package cn.dongcheng.platform.supervision.assignment;

import cn.dongcheng.platform.supervision.assignment.AssignmentViolation.Constraint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Assigns inspectors to drawn targets (随机选派执法检查人员), reproducibly from the draw's published seed.
 * <p>
 * Rules (Administrative Penalty Law 2021 art. 42–43; 国办发〔2015〕58号): at least {@code teamSize} (two) inspectors per
 * target, at least one holding each qualification its items need; nobody on leave, nobody with a declared conflict
 * with the entity, nobody who inspected it last time; nobody beyond their workload cap.
 * <p>
 * How: targets are taken in draw order. For each needed qualification (in code order) not yet covered, the eligible
 * holder with the fewest inspections so far joins; then the team is filled the same way from all eligible inspectors.
 * Fewest-first keeps the load balanced; ties are broken by {@code SHA-256(seed "|" uscc "|" badgeNumber)} — the only
 * randomness, derived from the published seed, so anyone holding the seed, the directory and the targets gets the same
 * teams. The first member is the lead.
 * <p>
 * All or nothing: if any target cannot be staffed, no team is returned and every failing target is reported with the
 * constraint that fails. Constraints that no order could satisfy (too few eligible, nobody qualified) are checked for
 * every target first; {@link Constraint#WORKLOAD} means the caps ran out in this greedy order.
 */
public final class InspectorAssignment {

    /** Inspectors per target: two, as the Administrative Penalty Law requires. */
    public static final int MIN_TEAM = 2;

    private InspectorAssignment() {
    }

    public static AssignmentOutcome assign(List<AssignmentTarget> targets, List<AssignableInspector> inspectors, String seed, int teamSize) {
        if (teamSize < MIN_TEAM) {
            throw new IllegalArgumentException("a team has at least " + MIN_TEAM + " inspectors, not " + teamSize);
        }
        List<AssignmentViolation> violations = new ArrayList<>();
        for (AssignmentTarget target : targets) {
            violations.addAll(orderIndependentViolations(target, inspectors, teamSize));
        }
        if (!violations.isEmpty()) {
            return new AssignmentOutcome(List.of(), Map.of(), violations);
        }
        Map<String, Integer> load = new LinkedHashMap<>();
        inspectors.forEach(i -> load.put(i.badgeNumber(), i.currentLoad()));
        List<InspectionTeam> teams = new ArrayList<>();
        MessageDigest sha256 = sha256();
        for (AssignmentTarget target : targets) {
            // tie-breaks of the free inspectors only: a digest per inspector and target is most of the work
            List<AssignableInspector> eligibleFree = inspectors.stream()
                    .filter(i -> eligible(i, target) && load.get(i.badgeNumber()) < i.workloadCap()).toList();
            Map<String, Long> tieBreak = new HashMap<>();
            eligibleFree.forEach(i -> tieBreak.put(i.badgeNumber(), tieBreak(sha256, seed, target.uscc(), i.badgeNumber())));
            Comparator<AssignableInspector> fewestFirst = Comparator.<AssignableInspector>comparingInt(i -> load.get(i.badgeNumber()))
                    .thenComparing(i -> tieBreak.get(i.badgeNumber()), Long::compareUnsigned);
            List<AssignableInspector> free = eligibleFree.stream().sorted(fewestFirst).toList();
            List<String> team = new ArrayList<>();
            List<InspectionTeam.Coverage> coverage = new ArrayList<>();
            AssignmentViolation failed = null;
            for (String qualification : new TreeSet<>(target.requiredQualifications())) {
                AssignableInspector holder = free.stream().filter(i -> team.contains(i.badgeNumber()) && i.qualifications().contains(qualification))
                        .findFirst().orElse(null);
                if (holder == null) {
                    holder = free.stream().filter(i -> !team.contains(i.badgeNumber()) && i.qualifications().contains(qualification))
                            .findFirst().orElse(null);
                    if (holder == null) {
                        failed = new AssignmentViolation(target.uscc(), Constraint.WORKLOAD, qualification,
                                "every eligible inspector holding " + qualification + " is at their workload cap after the targets before this one");
                        break;
                    }
                    team.add(holder.badgeNumber());
                }
                coverage.add(new InspectionTeam.Coverage(qualification, holder.badgeNumber()));
            }
            for (int k = 0; failed == null && team.size() < teamSize; k++) {
                AssignableInspector next = free.stream().filter(i -> !team.contains(i.badgeNumber())).findFirst().orElse(null);
                if (next == null) {
                    failed = new AssignmentViolation(target.uscc(), Constraint.WORKLOAD, null, "only " + team.size() + " eligible inspector(s) "
                            + "below their workload cap are left after the targets before this one; " + teamSize + " are needed");
                } else {
                    team.add(next.badgeNumber());
                }
            }
            if (failed != null) {
                violations.add(failed);
                continue;
            }
            team.forEach(b -> load.merge(b, 1, Integer::sum));
            teams.add(new InspectionTeam(target.uscc(), List.copyOf(team), List.copyOf(coverage)));
        }
        return violations.isEmpty() ? new AssignmentOutcome(teams, load, List.of()) : new AssignmentOutcome(List.of(), Map.of(), violations);
    }

    /** What fails for this target whatever the order: too few eligible inspectors, or nobody eligible qualified. */
    private static List<AssignmentViolation> orderIndependentViolations(AssignmentTarget target, List<AssignableInspector> inspectors, int teamSize) {
        List<AssignmentViolation> found = new ArrayList<>();
        List<AssignableInspector> eligible = inspectors.stream().filter(i -> eligible(i, target) && i.workloadCap() > i.currentLoad()).toList();
        if (eligible.size() < teamSize) {
            long onLeave = inspectors.stream().filter(i -> !i.active()).count();
            long conflicted = inspectors.stream().filter(i -> i.active() && i.conflicts().contains(target.uscc())).count();
            long previous = inspectors.stream().filter(i -> i.active() && target.previousInspectors().contains(i.badgeNumber())).count();
            long full = inspectors.stream().filter(i -> i.workloadCap() <= i.currentLoad()).count();
            found.add(new AssignmentViolation(target.uscc(), Constraint.TEAM_SIZE, null, String.format(
                    "%d of %d inspectors are eligible, %d needed (%d on leave, %d declared a conflict, %d inspected it last time, %d at their cap)",
                    eligible.size(), inspectors.size(), teamSize, onLeave, conflicted, previous, full)));
        }
        for (String qualification : new TreeSet<>(target.requiredQualifications())) {
            if (eligible.stream().noneMatch(i -> i.qualifications().contains(qualification))) {
                long holders = inspectors.stream().filter(i -> i.qualifications().contains(qualification)).count();
                found.add(new AssignmentViolation(target.uscc(), Constraint.QUALIFICATION, qualification, String.format(
                        "no eligible inspector holds %s (%d in the directory hold it, none of them on duty, free of conflict and below their cap)",
                        qualification, holders)));
            }
        }
        return found;
    }

    private static boolean eligible(AssignableInspector inspector, AssignmentTarget target) {
        return inspector.active() && !inspector.conflicts().contains(target.uscc())
                && !target.previousInspectors().contains(inspector.badgeNumber());
    }

    /** The first eight bytes of {@code SHA-256(seed "|" uscc "|" badgeNumber)}, unsigned: a published, recomputable tie-break. */
    static long tieBreak(String seed, String uscc, String badgeNumber) {
        return tieBreak(sha256(), seed, uscc, badgeNumber);
    }

    /** As {@link #tieBreak(String, String, String)} with a digest reused across calls (looking one up costs more than hashing). */
    private static long tieBreak(MessageDigest sha256, String seed, String uscc, String badgeNumber) {
        byte[] d = sha256.digest((seed + "|" + uscc + "|" + badgeNumber).getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (d[i] & 0xFF);
        }
        return v;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
