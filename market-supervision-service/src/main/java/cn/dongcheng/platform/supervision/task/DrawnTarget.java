package cn.dongcheng.platform.supervision.task;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A market entity a task's draw selected (抽中的检查对象), one document per task and entity ({@code <taskId>:<uscc>}),
 * so inspectors can be assigned to it and its results recorded against it. It is also this service's record of when
 * an entity was drawn for which items: the frequency window of the next pools is read from it.
 *
 * @param streetCode      street of the entity as the directory gave it when the pool was frozen (null for targets drawn before
 *                        pools kept it)
 * @param industrySection its GB/T 4754 section then, likewise
 * @param selectionOrder  the position in its stratum's selection (0 = drawn first)
 * @param assignment      the inspectors, once assigned; null until then
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DrawnTarget(String targetId, String taskId, String uscc, String riskClass, String streetCode, String industrySection,
                          List<String> items,
                          List<String> departments, int selectionOrder, String drawnOn, String drawnAt,
                          TargetAssignment assignment) {

    public static String id(String taskId, String uscc) {
        return taskId + ":" + uscc;
    }
}
