package cn.dongcheng.platform.supervision.assignment;

import java.util.List;

/**
 * The one assignment of a task (随机选派结果), created only where none is: the seed it was derived from (the draw's
 * published key string), so anyone can recompute the teams, and the teams themselves.
 */
public record TaskAssignmentRecord(String taskId, String seed, int teamSize, List<InspectionTeam> teams, String assignedAt,
                                   String assignedBy) {
}
