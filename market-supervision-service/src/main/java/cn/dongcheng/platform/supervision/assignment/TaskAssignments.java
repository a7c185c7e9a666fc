package cn.dongcheng.platform.supervision.assignment;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.elasticsearch.GuardedDocuments;
import cn.dongcheng.platform.common.elasticsearch.Versioned;
import cn.dongcheng.platform.common.index.IndexDefinition;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.problem.ConflictException;
import cn.dongcheng.platform.common.problem.NotFoundException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.supervision.draw.DrawRecord;
import cn.dongcheng.platform.supervision.draw.TaskDraws;
import cn.dongcheng.platform.supervision.inspector.InspectorDirectory;
import cn.dongcheng.platform.supervision.inspector.InspectorDocument;
import cn.dongcheng.platform.supervision.result.InspectionResults;
import cn.dongcheng.platform.supervision.task.DrawnTarget;
import cn.dongcheng.platform.supervision.task.DrawnTargets;
import cn.dongcheng.platform.supervision.task.SpotCheckTask;
import cn.dongcheng.platform.supervision.task.SpotCheckTasks;
import cn.dongcheng.platform.supervision.task.TargetAssignment;
import cn.dongcheng.platform.supervision.task.TaskItem;
import cn.dongcheng.platform.supervision.timing.SpotCheckSteps;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Assigns inspectors to a drawn task once (随机选派执法检查人员), with {@link InspectorAssignment} seeded by the draw's
 * published key string. Inputs are read so that a retry computes the same teams: the workload counted is the open
 * assignments of <em>other</em> tasks (this task's own half-written teams do not count), and the previous inspectors
 * of an entity are the team of its most recent target drawn before this task. Teams are written target by target,
 * each onto the version of its target read with the inputs (version-guarded), then the assignment record is created: a
 * failure half-way leaves no record, and the retry writes the same teams again, so the task converges to one
 * assignment.
 */
@Service
public class TaskAssignments {

    public static final IndexDefinition INDEX = IndexDefinition.of("spot-check-assignments");

    private final SpotCheckTasks tasks;
    private final TaskDraws draws;
    private final DrawnTargets targets;
    private final InspectorDirectory inspectors;
    private final InspectionResults results;
    private final GuardedDocuments documents;
    private final AuditTrail audit;
    private final Clock clock;
    private final SpotCheckSteps steps;
    private final String alias;

    public TaskAssignments(SpotCheckTasks tasks, TaskDraws draws, DrawnTargets targets, InspectorDirectory inspectors,
                           InspectionResults results, GuardedDocuments documents, AuditTrail audit, Clock clock, SpotCheckSteps steps,
                           IndexNames names) {
        this.tasks = tasks;
        this.draws = draws;
        this.targets = targets;
        this.inspectors = inspectors;
        this.results = results;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
        this.steps = steps;
        this.alias = names.alias(INDEX.resource());
    }

    public TaskAssignmentRecord assign(String taskId, CallerContext caller) {
        SpotCheckSteps.Laps laps = steps.start("assignment");
        SpotCheckTask task = tasks.get(taskId);
        String resource = alias + "/" + task.taskId();
        if (find(task.taskId()) != null) {
            audit.record(caller, "ASSIGN_INSPECTORS", resource, "refused", "assigned already");
            throw new ConflictException("the inspectors of " + task.taskId() + " were assigned already; an assignment is never redone");
        }
        DrawRecord draw = draws.findDraw(task.taskId())
                .orElseThrow(() -> new ConflictException("task " + task.taskId() + " is not drawn yet: nothing to assign"));
        List<Versioned<DrawnTarget>> read = targets.allOfTask(task.taskId());
        List<DrawnTarget> drawn = read.stream().map(Versioned::document).toList();
        List<InspectorDocument> staff = inspectors.ofDepartments(task.departments());
        // only what can matter, not every target ever assigned: earlier targets of these entities (who inspected them
        // last) and targets of other tasks on these inspectors' desks (their workload), in one scan, then told apart
        Set<String> required = task.items().stream().map(TaskItem::qualification).filter(Objects::nonNull).collect(Collectors.toSet());
        Set<String> entities = drawn.stream().map(DrawnTarget::uscc).collect(Collectors.toSet());
        Set<String> badges = staff.stream().map(InspectorDocument::badgeNumber).collect(Collectors.toSet());
        List<DrawnTarget> elsewhere = targets.assignedOutside(task.taskId(), List.copyOf(entities), List.copyOf(badges));
        Map<String, Set<String>> previous = previousInspectors(elsewhere.stream().filter(t -> entities.contains(t.uscc())).toList(),
                draw.drawnAt());
        List<AssignmentTarget> assignmentTargets = drawn.stream()
                .sorted(Comparator.comparing(DrawnTarget::riskClass).thenComparingInt(DrawnTarget::selectionOrder))
                .map(t -> new AssignmentTarget(t.uscc(), required, previous.getOrDefault(t.uscc(), Set.of()))).toList();
        Map<String, Integer> load = openLoad(elsewhere.stream()
                .filter(t -> t.assignment().inspectors().stream().anyMatch(badges::contains)).toList());
        List<AssignableInspector> assignable = staff.stream()
                .map(i -> AssignableInspector.of(i, load.getOrDefault(i.badgeNumber(), 0))).toList();
        String seed = draw.result().keyString();
        laps.lap("read");
        AssignmentOutcome outcome = InspectorAssignment.assign(assignmentTargets, assignable, seed, InspectorAssignment.MIN_TEAM);
        laps.lap("compute");
        if (!outcome.feasible()) {
            audit.record(caller, "ASSIGN_INSPECTORS", resource, "refused", outcome.violations().size() + " target(s) infeasible");
            throw new InfeasibleAssignmentException(task.taskId(), outcome.violations());
        }
        String now = OffsetDateTime.now(clock).toString();
        Map<String, Versioned<DrawnTarget>> byUscc = new HashMap<>();
        read.forEach(t -> byUscc.put(t.document().uscc(), t));
        Map<Versioned<DrawnTarget>, TargetAssignment> unwritten = new LinkedHashMap<>();
        for (InspectionTeam team : outcome.teams()) {
            Versioned<DrawnTarget> target = byUscc.get(team.uscc());
            if (target == null) {
                throw new IllegalStateException("drawn target " + team.uscc() + " of " + task.taskId() + " vanished while being assigned");
            }
            TargetAssignment existing = target.document().assignment();
            if (existing == null) {
                unwritten.put(target, new TargetAssignment(team.inspectors().get(0), team.inspectors(), now));
            } else if (!existing.inspectors().equals(team.inspectors())) {
                throw new ConflictException("target " + target.id() + " carries another team; the assignment inputs changed since");
            }
        }
        targets.assignAll(unwritten);
        laps.lap("write-targets");
        TaskAssignmentRecord record = new TaskAssignmentRecord(task.taskId(), seed, InspectorAssignment.MIN_TEAM, outcome.teams(), now,
                caller.actor());
        if (!documents.createVisibleNow(alias, task.taskId(), record)) {
            throw new ConflictException("the inspectors of " + task.taskId() + " were assigned by a concurrent request");
        }
        audit.record(caller, "ASSIGN_INSPECTORS", resource, "ok", outcome.teams().size() + " teams from seed " + seed);
        laps.lap("store");
        return record;
    }

    public TaskAssignmentRecord get(String taskId) {
        SpotCheckTask task = tasks.get(taskId);
        TaskAssignmentRecord record = find(task.taskId());
        if (record == null) {
            throw new NotFoundException("the inspectors of " + task.taskId() + " are not assigned yet");
        }
        return record;
    }

    private TaskAssignmentRecord find(String taskId) {
        return documents.get(alias, taskId, TaskAssignmentRecord.class).map(Versioned::document).orElse(null);
    }

    /** Each inspector's open inspections: targets of other tasks assigned to them whose result is not entered yet. */
    private Map<String, Integer> openLoad(List<DrawnTarget> elsewhere) {
        Set<String> closed = results.enteredFor(elsewhere.stream().map(DrawnTarget::targetId).toList());
        Map<String, Integer> load = new HashMap<>();
        elsewhere.stream().filter(t -> !closed.contains(t.targetId()))
                .forEach(t -> t.assignment().inspectors().forEach(b -> load.merge(b, 1, Integer::sum)));
        return load;
    }

    /** The team of each entity's most recent target drawn before {@code drawnAt}: they must not inspect it again. */
    private static Map<String, Set<String>> previousInspectors(List<DrawnTarget> elsewhere, String drawnAt) {
        OffsetDateTime before = OffsetDateTime.parse(drawnAt);
        Map<String, DrawnTarget> latest = new HashMap<>();
        for (DrawnTarget t : elsewhere) {
            if (OffsetDateTime.parse(t.drawnAt()).isBefore(before)) {
                latest.merge(t.uscc(), t, (a, b) -> OffsetDateTime.parse(a.drawnAt()).isAfter(OffsetDateTime.parse(b.drawnAt())) ? a : b);
            }
        }
        Map<String, Set<String>> previous = new HashMap<>();
        latest.forEach((uscc, t) -> previous.put(uscc, Set.copyOf(t.assignment().inspectors())));
        return previous;
    }
}
