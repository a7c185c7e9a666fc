package cn.dongcheng.platform.supervision.assignment;

import cn.dongcheng.platform.supervision.assignment.AssignmentViolation.Constraint;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * <p>
 * Mechanism (not part of the rule; the teams are those of sorting every free inspector per target): the inspectors
 * below their cap are kept by load level, so each pick scans only the lowest levels that hold a fitting inspector, and
 * a tie-break digest is computed only for an inspector such a scan meets (once per target); conflicts are looked up by
 * entity, qualifications are flags. 5,000 targets × 500 inspectors took seconds when every target filtered and sorted
 * the whole directory; {@code InspectorAssignmentTest} holds the teams, coverage, loads and violations equal to that
 * first implementation's on random directories.
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
        Staff staff = new Staff(inspectors, targets, seed);
        List<AssignmentViolation> violations = new ArrayList<>();
        for (AssignmentTarget target : targets) {
            if (staff.failsWhateverTheOrder(target, teamSize)) {
                violations.addAll(orderIndependentViolations(target, inspectors, teamSize));
            }
        }
        if (!violations.isEmpty()) {
            return new AssignmentOutcome(List.of(), Map.of(), violations);
        }
        List<InspectionTeam> teams = new ArrayList<>(targets.size());
        for (AssignmentTarget target : targets) {
            staff.startTarget(target);
            int[] needed = staff.qualificationsInCodeOrder(target.requiredQualifications());
            List<InspectionTeam.Coverage> coverage = new ArrayList<>(needed.length);
            AssignmentViolation failed = null;
            for (int q : needed) {
                int holder = staff.firstMemberHolding(q);
                if (holder < 0) {
                    holder = staff.firstFreeOutsideTeam(q);
                    if (holder < 0) {
                        String qualification = staff.qualificationName(q);
                        failed = new AssignmentViolation(target.uscc(), Constraint.WORKLOAD, qualification,
                                "every eligible inspector holding " + qualification + " is at their workload cap after the targets before this one");
                        break;
                    }
                    staff.join(holder);
                }
                coverage.add(new InspectionTeam.Coverage(staff.qualificationName(q), staff.badge(holder)));
            }
            while (failed == null && staff.teamSize() < teamSize) {
                int next = staff.firstFreeOutsideTeam(-1);
                if (next < 0) {
                    failed = new AssignmentViolation(target.uscc(), Constraint.WORKLOAD, null, "only " + staff.teamSize() + " eligible inspector(s) "
                            + "below their workload cap are left after the targets before this one; " + teamSize + " are needed");
                } else {
                    staff.join(next);
                }
            }
            if (failed != null) {
                violations.add(failed);
                continue;
            }
            teams.add(new InspectionTeam(target.uscc(), staff.teamBadges(), List.copyOf(coverage)));
            staff.loadTeam();
        }
        return violations.isEmpty() ? new AssignmentOutcome(teams, staff.loads(), List.of()) : new AssignmentOutcome(List.of(), Map.of(), violations);
    }

    /**
     * The inspectors indexed for the picking, and the current target's scratch state. Inspectors are numbered by their
     * position in the directory; a per-target stamp marks who is blocked (conflict, last time's team), who is on the
     * team and whose tie-break is computed, so nothing is cleared between targets.
     */
    private static final class Staff {

        private static final int[] NOBODY = new int[0];

        private final String[] badges;
        private final int[] load;
        private final int[] cap;
        private final boolean[] active;
        private final Map<String, Integer> byBadge;
        /** Entity → the inspectors who declared a conflict with it. */
        private final Map<String, int[]> conflictedWith;
        /** The qualifications some target needs, numbered; {@code holds[q][i]}: inspector i holds qualification q. */
        private final Map<String, Integer> qualificationIds = new HashMap<>();
        private final List<String> qualificationNames = new ArrayList<>();
        private final boolean[][] holds;
        private final Map<Set<String>, int[]> inCodeOrder = new HashMap<>();
        /** Active inspectors below their cap by load, lowest first; an inspector at their cap leaves for good. */
        private final TreeMap<Integer, Level> levels = new TreeMap<>();
        private final int[] positionInLevel;
        /** On duty and below the cap before the first target: what the order-independent check counts from. */
        private final int availableAtStart;
        private final int[] holdersAvailableAtStart;

        private final TieBreaks tieBreaks;
        private final int[] blockedFor;
        private final int[] recused;
        private int recusedCount;
        private final int[] tieBreakFor;
        private final long[] tieBreak;
        private final int[] onTeamFor;
        private final int[] team;
        private int teamCount;
        private int stamp;

        Staff(List<AssignableInspector> inspectors, List<AssignmentTarget> targets, String seed) {
            int n = inspectors.size();
            badges = new String[n];
            load = new int[n];
            cap = new int[n];
            active = new boolean[n];
            byBadge = new HashMap<>(n * 2);
            Map<String, List<Integer>> conflicts = new HashMap<>();
            for (int i = 0; i < n; i++) {
                AssignableInspector inspector = inspectors.get(i);
                badges[i] = inspector.badgeNumber();
                load[i] = inspector.currentLoad();
                cap[i] = inspector.workloadCap();
                active[i] = inspector.active();
                if (byBadge.put(badges[i], i) != null) {
                    throw new IllegalArgumentException("badge number " + badges[i] + " appears twice in the directory");
                }
                for (String uscc : inspector.conflicts()) {
                    conflicts.computeIfAbsent(uscc, u -> new ArrayList<>()).add(i);
                }
            }
            conflictedWith = new HashMap<>(conflicts.size() * 2);
            conflicts.forEach((uscc, list) -> conflictedWith.put(uscc, list.stream().mapToInt(Integer::intValue).toArray()));
            for (AssignmentTarget target : targets) {
                for (String qualification : target.requiredQualifications()) {
                    qualificationIds.computeIfAbsent(qualification, q -> {
                        qualificationNames.add(q);
                        return qualificationNames.size() - 1;
                    });
                }
            }
            holds = new boolean[qualificationNames.size()][n];
            holdersAvailableAtStart = new int[qualificationNames.size()];
            positionInLevel = new int[n];
            int available = 0;
            for (int i = 0; i < n; i++) {
                boolean free = active[i] && load[i] < cap[i];
                for (String qualification : inspectors.get(i).qualifications()) {
                    Integer q = qualificationIds.get(qualification);
                    if (q != null) {
                        holds[q][i] = true;
                        holdersAvailableAtStart[q] += free ? 1 : 0;
                    }
                }
                if (free) {
                    available++;
                    levels.computeIfAbsent(load[i], l -> new Level()).add(i, positionInLevel);
                }
            }
            availableAtStart = available;
            tieBreaks = new TieBreaks(seed, badges);
            blockedFor = new int[n];
            recused = new int[n];
            tieBreakFor = new int[n];
            tieBreak = new long[n];
            onTeamFor = new int[n];
            team = new int[n];
        }

        /** Marks the target's recused inspectors (declared conflict, last time's team) for this target only. */
        private void block(AssignmentTarget target) {
            stamp++;
            teamCount = 0;
            recusedCount = 0;
            for (int i : conflictedWith.getOrDefault(target.uscc(), NOBODY)) {
                recuse(i);
            }
            for (String badge : target.previousInspectors()) {
                Integer i = byBadge.get(badge);
                if (i != null) {
                    recuse(i);
                }
            }
        }

        private void recuse(int i) {
            if (blockedFor[i] != stamp) {
                blockedFor[i] = stamp;
                recused[recusedCount++] = i;
            }
        }

        /**
         * Whether too few inspectors are eligible or a needed qualification has no eligible holder, whatever the order:
         * the counts before any target less the target's recused inspectors.
         */
        boolean failsWhateverTheOrder(AssignmentTarget target, int teamSize) {
            block(target);
            int eligible = availableAtStart;
            int[] holders = holdersAvailableAtStart.clone();
            for (int k = 0; k < recusedCount; k++) {
                int i = recused[k];
                if (active[i] && load[i] < cap[i]) {
                    eligible--;
                    for (int q = 0; q < holders.length; q++) {
                        holders[q] -= holds[q][i] ? 1 : 0;
                    }
                }
            }
            if (eligible < teamSize) {
                return true;
            }
            for (String qualification : target.requiredQualifications()) {
                if (holders[qualificationIds.get(qualification)] == 0) {
                    return true;
                }
            }
            return false;
        }

        void startTarget(AssignmentTarget target) {
            block(target);
            tieBreaks.target(target.uscc());
        }

        int[] qualificationsInCodeOrder(Set<String> required) {
            return inCodeOrder.computeIfAbsent(required,
                    r -> new TreeSet<>(r).stream().mapToInt(qualificationIds::get).toArray());
        }

        /** The first team member in the order holding the qualification, or -1. */
        int firstMemberHolding(int q) {
            int best = -1;
            for (int k = 0; k < teamCount; k++) {
                int i = team[k];
                if (holds[q][i] && (best < 0 || precedes(i, best))) {
                    best = i;
                }
            }
            return best;
        }

        /**
         * The first free inspector in the order outside the team, holding {@code q} if {@code q >= 0}, or -1: the lowest
         * load level holding one decides, and within it the smallest tie-break (then the earlier in the directory).
         */
        int firstFreeOutsideTeam(int q) {
            for (Level level : levels.values()) {
                int best = -1;
                long bestTieBreak = 0;
                for (int k = 0; k < level.size; k++) {
                    int i = level.members[k];
                    if (blockedFor[i] == stamp || onTeamFor[i] == stamp || q >= 0 && !holds[q][i]) {
                        continue;
                    }
                    long t = tieBreak(i);
                    int c = best < 0 ? -1 : Long.compareUnsigned(t, bestTieBreak);
                    if (c < 0 || c == 0 && i < best) {
                        best = i;
                        bestTieBreak = t;
                    }
                }
                if (best >= 0) {
                    return best;
                }
            }
            return -1;
        }

        /** Order of two free inspectors: fewer inspections first, then the tie-break, then the directory. */
        private boolean precedes(int a, int b) {
            if (load[a] != load[b]) {
                return load[a] < load[b];
            }
            int c = Long.compareUnsigned(tieBreak(a), tieBreak(b));
            return c != 0 ? c < 0 : a < b;
        }

        private long tieBreak(int i) {
            if (tieBreakFor[i] != stamp) {
                tieBreak[i] = tieBreaks.of(i);
                tieBreakFor[i] = stamp;
            }
            return tieBreak[i];
        }

        void join(int i) {
            team[teamCount++] = i;
            onTeamFor[i] = stamp;
        }

        int teamSize() {
            return teamCount;
        }

        List<String> teamBadges() {
            String[] members = new String[teamCount];
            for (int k = 0; k < teamCount; k++) {
                members[k] = badges[team[k]];
            }
            return List.of(members);
        }

        /** One more inspection for each member: up a level, or out once at the cap. */
        void loadTeam() {
            for (int k = 0; k < teamCount; k++) {
                int i = team[k];
                Level from = levels.get(load[i]);
                from.remove(i, positionInLevel);
                if (from.size == 0) {
                    levels.remove(load[i]);
                }
                load[i]++;
                if (load[i] < cap[i]) {
                    levels.computeIfAbsent(load[i], l -> new Level()).add(i, positionInLevel);
                }
            }
        }

        Map<String, Integer> loads() {
            Map<String, Integer> after = new LinkedHashMap<>();
            for (int i = 0; i < badges.length; i++) {
                after.put(badges[i], load[i]);
            }
            return after;
        }

        String badge(int i) {
            return badges[i];
        }

        String qualificationName(int q) {
            return qualificationNames.get(q);
        }
    }

    /** The inspectors at one load level, in no particular order (the tie-break orders them). */
    private static final class Level {

        private int[] members = new int[16];
        private int size;

        void add(int i, int[] positionInLevel) {
            if (size == members.length) {
                members = Arrays.copyOf(members, size * 2);
            }
            positionInLevel[i] = size;
            members[size++] = i;
        }

        void remove(int i, int[] positionInLevel) {
            int at = positionInLevel[i];
            int last = members[--size];
            members[at] = last;
            positionInLevel[last] = at;
        }
    }

    /**
     * {@code SHA-256(seed "|" uscc "|" badgeNumber)} for one target after another: the message is assembled in one
     * buffer (seed and entity once per target) and digested into another, nothing allocated per inspector.
     */
    private static final class TieBreaks {

        private final MessageDigest sha256 = sha256();
        private final byte[] seedBar;
        private final byte[][] barBadges;
        private final int longestBadge;
        private final byte[] digest = new byte[32];
        private byte[] message = new byte[0];
        private int prefixLength;

        TieBreaks(String seed, String[] badges) {
            seedBar = (seed + "|").getBytes(StandardCharsets.UTF_8);
            barBadges = new byte[badges.length][];
            int longest = 0;
            for (int i = 0; i < badges.length; i++) {
                barBadges[i] = ("|" + badges[i]).getBytes(StandardCharsets.UTF_8);
                longest = Math.max(longest, barBadges[i].length);
            }
            longestBadge = longest;
        }

        void target(String uscc) {
            byte[] code = uscc.getBytes(StandardCharsets.UTF_8);
            prefixLength = seedBar.length + code.length;
            if (message.length < prefixLength + longestBadge) {
                message = new byte[prefixLength + longestBadge];
            }
            System.arraycopy(seedBar, 0, message, 0, seedBar.length);
            System.arraycopy(code, 0, message, seedBar.length, code.length);
        }

        long of(int inspector) {
            byte[] badge = barBadges[inspector];
            System.arraycopy(badge, 0, message, prefixLength, badge.length);
            sha256.update(message, 0, prefixLength + badge.length);
            try {
                sha256.digest(digest, 0, digest.length);
            } catch (DigestException e) {
                throw new IllegalStateException("a SHA-256 digest is 32 bytes", e);
            }
            return firstEightBytes(digest);
        }
    }

    /** What fails for this target whatever the order: too few eligible inspectors, or nobody eligible qualified. */
    static List<AssignmentViolation> orderIndependentViolations(AssignmentTarget target, List<AssignableInspector> inspectors, int teamSize) {
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

    static boolean eligible(AssignableInspector inspector, AssignmentTarget target) {
        return inspector.active() && !inspector.conflicts().contains(target.uscc())
                && !target.previousInspectors().contains(inspector.badgeNumber());
    }

    /** The first eight bytes of {@code SHA-256(seed "|" uscc "|" badgeNumber)}, unsigned: a published, recomputable tie-break. */
    static long tieBreak(String seed, String uscc, String badgeNumber) {
        return firstEightBytes(sha256().digest((seed + "|" + uscc + "|" + badgeNumber).getBytes(StandardCharsets.UTF_8)));
    }

    static long firstEightBytes(byte[] d) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (d[i] & 0xFF);
        }
        return v;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
