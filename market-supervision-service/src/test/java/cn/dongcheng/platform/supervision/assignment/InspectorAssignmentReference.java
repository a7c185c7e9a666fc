package cn.dongcheng.platform.supervision.assignment;

import cn.dongcheng.platform.supervision.assignment.AssignmentViolation.Constraint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@link InspectorAssignment} as first written (commit 794bc00: per target, every inspector filtered and the lowest load
 * levels hashed and sorted), kept unchanged as the reference the indexed implementation must equal — teams, coverage,
 * loads and violations — on the same inputs. The explanation of what fails whatever the order is shared with it (that
 * code did not change; only when to ask for it did).
 */
final class InspectorAssignmentReference {

    /** Inspectors per target: two, as the Administrative Penalty Law requires. */
    static final int MIN_TEAM = 2;

    private InspectorAssignmentReference() {
    }

    static AssignmentOutcome assign(List<AssignmentTarget> targets, List<AssignableInspector> inspectors, String seed, int teamSize) {
        if (teamSize < MIN_TEAM) {
            throw new IllegalArgumentException("a team has at least " + MIN_TEAM + " inspectors, not " + teamSize);
        }
        List<AssignmentViolation> violations = new ArrayList<>();
        for (AssignmentTarget target : targets) {
            violations.addAll(InspectorAssignment.orderIndependentViolations(target, inspectors, teamSize)); // unchanged, shared
        }
        if (!violations.isEmpty()) {
            return new AssignmentOutcome(List.of(), Map.of(), violations);
        }
        Map<String, Integer> load = new LinkedHashMap<>();
        inspectors.forEach(i -> load.put(i.badgeNumber(), i.currentLoad()));
        List<InspectionTeam> teams = new ArrayList<>();
        MessageDigest sha256 = InspectorAssignment.sha256();
        List<byte[]> badgeBytes = inspectors.stream().map(i -> ("|" + i.badgeNumber()).getBytes(StandardCharsets.UTF_8)).toList();
        for (AssignmentTarget target : targets) {
            List<Integer> eligibleFree = new ArrayList<>();
            for (int k = 0; k < inspectors.size(); k++) {
                AssignableInspector i = inspectors.get(k);
                if (InspectorAssignment.eligible(i, target) && load.get(i.badgeNumber()) < i.workloadCap()) {
                    eligibleFree.add(k);
                }
            }
            List<AssignableInspector> free = fewestFirst(eligibleFree, inspectors, load, target, teamSize, sha256,
                    (seed + "|" + target.uscc()).getBytes(StandardCharsets.UTF_8), badgeBytes);
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

    /**
     * The free inspectors in the order a team is picked from — fewest inspections first, ties by the published
     * tie-break — but only as far as the picking can reach: whole load levels from the lowest, until the prefix holds
     * {@code teamSize} + (qualifications needed) inspectors and as many holders of each needed qualification (or all
     * there are). Every pick takes the first inspector of this order outside a team smaller than that, so it lies in the
     * prefix and no later inspector can precede it: the teams are those of the whole order, and the digests of the
     * inspectors beyond the prefix (most of them, most of the time) are never computed.
     */
    private static List<AssignableInspector> fewestFirst(List<Integer> eligibleFree, List<AssignableInspector> inspectors,
                                                         Map<String, Integer> load, AssignmentTarget target, int teamSize,
                                                         MessageDigest sha256, byte[] seedAndUscc, List<byte[]> badgeBytes) {
        int reach = teamSize + target.requiredQualifications().size();
        Map<String, Integer> holdersWanted = new HashMap<>();
        for (String qualification : target.requiredQualifications()) {
            long holders = eligibleFree.stream().filter(k -> inspectors.get(k).qualifications().contains(qualification)).count();
            holdersWanted.put(qualification, (int) Math.min(reach, holders));
        }
        List<AssignableInspector> prefix = new ArrayList<>();
        Map<String, Integer> holdersInPrefix = new HashMap<>();
        int below = Integer.MIN_VALUE;
        while (prefix.size() < eligibleFree.size()) {
            int level = Integer.MAX_VALUE;
            for (int k : eligibleFree) {
                int l = load.get(inspectors.get(k).badgeNumber());
                if (l > below && l < level) {
                    level = l;
                }
            }
            List<long[]> bucket = new ArrayList<>(); // {tie-break, inspector index}, in directory order
            for (int k : eligibleFree) {
                if (load.get(inspectors.get(k).badgeNumber()) == level) {
                    sha256.update(seedAndUscc);
                    bucket.add(new long[] {InspectorAssignment.firstEightBytes(sha256.digest(badgeBytes.get(k))), k});
                }
            }
            // usually the first few of the level suffice: take them without sorting the level
            List<long[]> first = smallest(bucket, reach - prefix.size());
            if (!first.isEmpty() && prefix.size() + first.size() >= reach && holdersSuffice(prefix, first, inspectors, holdersWanted)) {
                first.forEach(entry -> prefix.add(inspectors.get((int) entry[1])));
                break;
            }
            bucket.sort((a, b) -> Long.compareUnsigned(a[0], b[0])); // stable: equal digests keep directory order, as before
            for (long[] entry : bucket) {
                AssignableInspector inspector = inspectors.get((int) entry[1]);
                prefix.add(inspector);
                inspector.qualifications().forEach(q -> holdersInPrefix.merge(q, 1, Integer::sum));
            }
            below = level;
            if (prefix.size() >= reach && holdersWanted.entrySet().stream()
                    .allMatch(w -> holdersInPrefix.getOrDefault(w.getKey(), 0) >= w.getValue())) {
                break;
            }
        }
        return prefix;
    }

    /** The {@code m} entries of smallest tie-break, in order; of equal ones the earlier in directory order first (as a stable sort). */
    private static List<long[]> smallest(List<long[]> bucket, int m) {
        List<long[]> first = new ArrayList<>();
        if (m <= 0) {
            return first;
        }
        for (long[] entry : bucket) {
            int at = first.size();
            while (at > 0 && Long.compareUnsigned(first.get(at - 1)[0], entry[0]) > 0) {
                at--;
            }
            if (at < m) {
                first.add(at, entry);
                if (first.size() > m) {
                    first.remove(m);
                }
            }
        }
        return first;
    }

    /** Whether the prefix and these next entries hold the holders of each needed qualification the picking may reach for. */
    private static boolean holdersSuffice(List<AssignableInspector> prefix, List<long[]> next, List<AssignableInspector> inspectors,
                                          Map<String, Integer> holdersWanted) {
        for (Map.Entry<String, Integer> wanted : holdersWanted.entrySet()) {
            long holders = prefix.stream().filter(i -> i.qualifications().contains(wanted.getKey())).count()
                    + next.stream().filter(e -> inspectors.get((int) e[1]).qualifications().contains(wanted.getKey())).count();
            if (holders < wanted.getValue()) {
                return false;
            }
        }
        return true;
    }
}
