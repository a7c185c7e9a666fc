package cn.dongcheng.platform.supervision.task;

import java.util.List;

/**
 * The inspectors sent to a drawn target (at least two, a lead among them; the second draw of 双随机), attached
 * later by the assignment step; null until then.
 */
public record TargetAssignment(String leadInspector, List<String> inspectors, String assignedAt) {
}
