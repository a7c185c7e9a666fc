package cn.dongcheng.platform.supervision.assignment;

import cn.dongcheng.platform.supervision.assignment.AssignmentViolation.Constraint;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class InspectorAssignmentTest {

    private static final String SEED = "3.7.12.19.25./6.14.29./";
    private static final String A = "91110101MA01A0B1XQ";
    private static final String B = "91110101MA01B2C3XR";

    /** A: needs food safety and price; DC-0002 declared a conflict with A, DC-0003 inspected it last time, DC-0005 is on leave. */
    private final List<AssignableInspector> directory = List.of(
            inspector("DC-0001", Set.of("FOOD_SAFETY"), Set.of()),
            inspector("DC-0002", Set.of("PRICE"), Set.of(A)),
            inspector("DC-0003", Set.of("PRICE", "FOOD_SAFETY"), Set.of()),
            inspector("DC-0004", Set.of(), Set.of()),
            new AssignableInspector("DC-0005", false, Set.of("PRICE", "FOOD_SAFETY"), Set.of(), 10, 0),
            inspector("DC-0006", Set.of("PRICE"), Set.of()));
    private final AssignmentTarget targetA = new AssignmentTarget(A, Set.of("FOOD_SAFETY", "PRICE"), Set.of("DC-0003"));

    @Test
    void recusalLeaveAndQualificationsDecideTheTeam() {
        AssignmentOutcome outcome = InspectorAssignment.assign(List.of(targetA, new AssignmentTarget(B, Set.of("PRICE"), Set.of())),
                directory, SEED, 2);

        assertThat(outcome.feasible()).isTrue();
        // the only eligible food-safety holder and the only eligible price holder for A
        assertThat(outcome.teams().get(0).inspectors()).containsExactly("DC-0001", "DC-0006");
        assertThat(outcome.teams().get(0).coveredBy()).containsExactly(new InspectionTeam.Coverage("FOOD_SAFETY", "DC-0001"),
                new InspectionTeam.Coverage("PRICE", "DC-0006"));
        // B: price from the least loaded holders (DC-0006 already has one), then the least loaded of the rest
        assertThat(outcome.teams().get(1).inspectors()).doesNotContain("DC-0005").hasSize(2);
        assertThat(outcome.teams().get(1).inspectors().get(0)).isIn("DC-0002", "DC-0003");
    }

    @Test
    void anInfeasibleTaskNamesTheTargetAndTheConstraint() {
        List<AssignableInspector> withoutPrice = directory.stream().filter(i -> !i.badgeNumber().equals("DC-0006")).toList();
        AssignmentTarget lonely = new AssignmentTarget(B, Set.of(), Set.of("DC-0001", "DC-0002", "DC-0003", "DC-0004", "DC-0006"));

        AssignmentOutcome outcome = InspectorAssignment.assign(List.of(targetA, lonely), withoutPrice, SEED, 2);

        assertThat(outcome.feasible()).isFalse();
        assertThat(outcome.teams()).isEmpty();
        assertThat(outcome.violations()).extracting(AssignmentViolation::uscc, AssignmentViolation::constraint, AssignmentViolation::qualification)
                .containsExactly(tuple(A, Constraint.QUALIFICATION, "PRICE"),
                        tuple(B, Constraint.TEAM_SIZE, null));
        assertThat(outcome.violations().get(1).detail()).contains("0 of 5 inspectors are eligible").contains("1 on leave")
                .contains("4 inspected it last time");
    }

    @Test
    void capsUsedUpByEarlierTargetsAreAWorkloadViolation() {
        List<AssignableInspector> staff = List.of(new AssignableInspector("DC-0001", true, Set.of("FOOD_SAFETY"), Set.of(), 1, 0),
                inspector("DC-0002", Set.of(), Set.of()), inspector("DC-0003", Set.of(), Set.of()));
        List<AssignmentTarget> two = List.of(new AssignmentTarget(A, Set.of("FOOD_SAFETY"), Set.of()),
                new AssignmentTarget(B, Set.of("FOOD_SAFETY"), Set.of()));

        AssignmentOutcome outcome = InspectorAssignment.assign(two, staff, SEED, 2);

        assertThat(outcome.teams()).isEmpty();
        assertThat(outcome.violations()).singleElement().satisfies(v -> {
            assertThat(v.uscc()).isEqualTo(B);
            assertThat(v.constraint()).isEqualTo(Constraint.WORKLOAD);
            assertThat(v.qualification()).isEqualTo("FOOD_SAFETY");
        });
    }

    @Test
    void theLoadIsBalancedAndTheTeamsFollowFromTheSeed() {
        List<AssignableInspector> six = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            six.add(inspector(String.format("DC-%04d", i), Set.of(), Set.of()));
        }
        List<AssignmentTarget> twelve = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            twelve.add(new AssignmentTarget(String.format("T%02d", t), Set.of(), Set.of()));
        }

        AssignmentOutcome outcome = InspectorAssignment.assign(twelve, six, SEED, 2);

        assertThat(outcome.loadAfter().values()).containsOnly(4);
        assertThat(InspectorAssignment.assign(twelve, six, SEED, 2).teams()).isEqualTo(outcome.teams());
        assertThat(InspectorAssignment.assign(twelve, six, SEED + "1.", 2).teams()).isNotEqualTo(outcome.teams());
    }

    @Test
    void constraintsHoldOnManyRandomInstances() {
        Random random = new Random(11);
        int feasible = 0;
        for (int instance = 0; instance < 200; instance++) {
            List<AssignableInspector> inspectors = new ArrayList<>();
            int staff = 6 + random.nextInt(20);
            List<String> codes = new ArrayList<>();
            for (int t = 0; t < 5 + random.nextInt(30); t++) {
                codes.add(String.format("T%04d", t));
            }
            for (int i = 0; i < staff; i++) {
                Set<String> quals = new HashSet<>();
                for (String q : List.of("FOOD_SAFETY", "PRICE", "METROLOGY")) {
                    if (random.nextInt(3) == 0) {
                        quals.add(q);
                    }
                }
                Set<String> conflicts = random.nextInt(5) == 0 ? Set.of(codes.get(random.nextInt(codes.size()))) : Set.of();
                inspectors.add(new AssignableInspector(String.format("DC-%04d", i), random.nextInt(10) > 0, quals, conflicts,
                        3 + random.nextInt(8), random.nextInt(2)));
            }
            List<AssignmentTarget> targets = new ArrayList<>();
            for (String code : codes) {
                Set<String> needs = random.nextBoolean() ? Set.of("FOOD_SAFETY") : Set.of("PRICE", "METROLOGY");
                Set<String> previous = Set.of(String.format("DC-%04d", random.nextInt(staff)));
                targets.add(new AssignmentTarget(code, needs, previous));
            }

            AssignmentOutcome outcome = InspectorAssignment.assign(targets, inspectors, SEED + instance, 2);

            if (outcome.feasible()) {
                feasible++;
                assertThat(outcome.teams()).hasSize(targets.size());
                Map<String, AssignableInspector> byBadge = new HashMap<>();
                inspectors.forEach(i -> byBadge.put(i.badgeNumber(), i));
                Map<String, Integer> load = new HashMap<>();
                inspectors.forEach(i -> load.put(i.badgeNumber(), i.currentLoad()));
                for (int t = 0; t < targets.size(); t++) {
                    AssignmentTarget target = targets.get(t);
                    InspectionTeam team = outcome.teams().get(t);
                    assertThat(team.inspectors()).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
                    for (String badge : team.inspectors()) {
                        AssignableInspector member = byBadge.get(badge);
                        assertThat(member.active()).isTrue();
                        assertThat(member.conflicts()).doesNotContain(target.uscc());
                        assertThat(target.previousInspectors()).doesNotContain(badge);
                        load.merge(badge, 1, Integer::sum);
                    }
                    for (String q : target.requiredQualifications()) {
                        assertThat(team.inspectors()).anyMatch(b -> byBadge.get(b).qualifications().contains(q));
                    }
                }
                inspectors.forEach(i -> assertThat(load.get(i.badgeNumber())).isLessThanOrEqualTo(i.workloadCap()));
                assertThat(outcome.loadAfter()).isEqualTo(load);
            } else {
                assertThat(outcome.teams()).isEmpty();
                assertThat(outcome.violations()).allSatisfy(v -> assertThat(codes).contains(v.uscc()));
            }
        }
        // the instances exercise both answers
        assertThat(feasible).isBetween(40, 190);
    }

    /**
     * The teams are those of the rule as documented — every free inspector ordered by (load, tie-break), the first fitting
     * one picked — however few of the tie-breaks the assignment computes: random directories with current loads, caps,
     * conflicts, previous teams, several qualifications and team sizes, against that full order computed here.
     */
    @Test
    void theTeamsAreThoseOfTheFullFewestFirstOrder() {
        Random random = new Random(12);
        List<String> qualifications = List.of("FOOD_SAFETY", "PRICE", "SPECIAL_EQUIPMENT");
        for (int instance = 0; instance < 200; instance++) {
            List<AssignableInspector> inspectors = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            for (int t = 0; t < 5 + random.nextInt(60); t++) {
                codes.add(String.format("91110101MA%08dX", t + 1000 * instance));
            }
            for (int i = 0; i < 3 + random.nextInt(40); i++) {
                Set<String> held = new HashSet<>();
                qualifications.stream().filter(q -> random.nextInt(3) == 0).forEach(held::add);
                Set<String> conflicts = new HashSet<>();
                if (random.nextInt(5) == 0) {
                    conflicts.add(codes.get(random.nextInt(codes.size())));
                }
                inspectors.add(new AssignableInspector("DC-" + (1000 + i), random.nextInt(10) > 0, held, conflicts, 1 + random.nextInt(12),
                        random.nextInt(4)));
            }
            List<AssignmentTarget> targets = new ArrayList<>();
            for (String code : codes) {
                Set<String> required = new HashSet<>();
                qualifications.stream().filter(q -> random.nextInt(4) == 0).forEach(required::add);
                Set<String> previous = new HashSet<>();
                if (random.nextInt(3) == 0) {
                    previous.add(inspectors.get(random.nextInt(inspectors.size())).badgeNumber());
                }
                targets.add(new AssignmentTarget(code, required, previous));
            }
            int teamSize = 2 + random.nextInt(2);
            String seed = "seed-" + instance;

            AssignmentOutcome outcome = InspectorAssignment.assign(targets, inspectors, seed, teamSize);

            List<List<String>> expected = fullOrderTeams(targets, inspectors, seed, teamSize);
            if (outcome.feasible()) {
                assertThat(outcome.teams()).extracting(InspectionTeam::inspectors).as("instance %d", instance).isEqualTo(expected);
            } else {
                assertThat(expected).as("instance %d: infeasible only where the full order fails too", instance).contains((List<String>) null);
            }
        }
    }

    /**
     * The indexed assignment answers exactly what the first implementation answered — teams with their coverage, loads
     * after (in directory order), violations with their details — on random directories: people on leave, several
     * declared conflicts, last time's teams (also badges no longer in the directory), qualifications needed or not,
     * current loads at or above the caps, team sizes 2–4, short seeds and seeds longer than a digest block.
     */
    @Test
    void theIndexedAssignmentAnswersWhatTheFirstImplementationAnswered() {
        Random random = new Random(13);
        List<String> qualifications = List.of("FOOD_SAFETY", "PRICE", "SPECIAL_EQUIPMENT", "METROLOGY");
        Map<String, Integer> answers = new HashMap<>();
        for (int instance = 0; instance < 400; instance++) {
            int staff = 2 + random.nextInt(instance % 10 == 0 ? 150 : 40);
            List<String> codes = new ArrayList<>();
            for (int t = 0; t < 1 + random.nextInt(instance % 10 == 0 ? 400 : 60); t++) {
                codes.add(String.format("91110101MA%08dX", random.nextInt(100_000_000)));
            }
            List<AssignableInspector> inspectors = new ArrayList<>();
            for (int i = 0; i < staff; i++) {
                Set<String> held = new HashSet<>();
                qualifications.stream().filter(q -> random.nextInt(3) == 0).forEach(held::add);
                Set<String> conflicts = new HashSet<>();
                for (int c = random.nextInt(4) == 0 ? random.nextInt(4) : 0; c > 0; c--) {
                    conflicts.add(random.nextInt(5) == 0 ? "91110101MA99999999X" : codes.get(random.nextInt(codes.size())));
                }
                int cap = 1 + random.nextInt(15);
                inspectors.add(new AssignableInspector("DC-" + (10_000 + random.nextInt(90_000)) + "-" + i, random.nextInt(12) > 0, held,
                        conflicts, cap, random.nextInt(8) == 0 ? cap + random.nextInt(2) : random.nextInt(cap)));
            }
            List<AssignmentTarget> targets = new ArrayList<>();
            for (String code : codes) {
                Set<String> required = new HashSet<>();
                qualifications.stream().filter(q -> random.nextInt(4) == 0).forEach(required::add);
                Set<String> previous = new HashSet<>();
                for (int p = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0; p > 0; p--) {
                    previous.add(random.nextInt(6) == 0 ? "DC-GONE-" + p : inspectors.get(random.nextInt(staff)).badgeNumber());
                }
                targets.add(new AssignmentTarget(code, required, previous));
            }
            int teamSize = 2 + random.nextInt(3);
            String seed = random.nextBoolean() ? "seed-" + instance + "./" : "9319./2.5.8.10.12./" + "3.14.15.92.65.35.89.79.32.38./".repeat(3) + instance;

            AssignmentOutcome indexed = InspectorAssignment.assign(targets, inspectors, seed, teamSize);
            AssignmentOutcome first = InspectorAssignmentReference.assign(targets, inspectors, seed, teamSize);

            assertThat(indexed).as("instance %d", instance).isEqualTo(first);
            assertThat(List.copyOf(indexed.loadAfter().keySet())).as("instance %d", instance).isEqualTo(List.copyOf(first.loadAfter().keySet()));
            answers.merge(indexed.feasible() ? "feasible" : indexed.violations().get(0).constraint().name(), 1, Integer::sum);
        }
        // every kind of answer is exercised
        assertThat(answers).containsKeys("feasible", "TEAM_SIZE", "QUALIFICATION", "WORKLOAD");
        assertThat(answers.get("feasible")).isGreaterThan(40);
    }

    /** The rule straight from its description: sort every free inspector by (load, tie-break) for each target; null = unstaffable. */
    private static List<List<String>> fullOrderTeams(List<AssignmentTarget> targets, List<AssignableInspector> inspectors, String seed,
                                                     int teamSize) {
        Map<String, Integer> load = new HashMap<>();
        inspectors.forEach(i -> load.put(i.badgeNumber(), i.currentLoad()));
        List<List<String>> teams = new ArrayList<>();
        for (AssignmentTarget target : targets) {
            List<AssignableInspector> free = inspectors.stream()
                    .filter(i -> i.active() && !i.conflicts().contains(target.uscc()) && !target.previousInspectors().contains(i.badgeNumber())
                            && load.get(i.badgeNumber()) < i.workloadCap())
                    .sorted(Comparator.<AssignableInspector>comparingInt(i -> load.get(i.badgeNumber()))
                            .thenComparing(i -> InspectorAssignment.tieBreak(seed, target.uscc(), i.badgeNumber()), Long::compareUnsigned))
                    .toList();
            List<String> team = new ArrayList<>();
            boolean failed = false;
            for (String q : new TreeSet<>(target.requiredQualifications())) {
                if (free.stream().noneMatch(i -> team.contains(i.badgeNumber()) && i.qualifications().contains(q))) {
                    AssignableInspector holder = free.stream().filter(i -> !team.contains(i.badgeNumber()) && i.qualifications().contains(q))
                            .findFirst().orElse(null);
                    if (holder == null) {
                        failed = true;
                        break;
                    }
                    team.add(holder.badgeNumber());
                }
            }
            while (!failed && team.size() < teamSize) {
                AssignableInspector next = free.stream().filter(i -> !team.contains(i.badgeNumber())).findFirst().orElse(null);
                if (next == null) {
                    failed = true;
                } else {
                    team.add(next.badgeNumber());
                }
            }
            if (failed) {
                teams.add(null);
            } else {
                team.forEach(b -> load.merge(b, 1, Integer::sum));
                teams.add(team);
            }
        }
        return teams;
    }

    private static AssignableInspector inspector(String badge, Set<String> qualifications, Set<String> conflicts) {
        return new AssignableInspector(badge, true, qualifications, conflicts, 10, 0);
    }
}
