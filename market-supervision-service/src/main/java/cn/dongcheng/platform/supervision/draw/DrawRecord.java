package cn.dongcheng.platform.supervision.draw;

/** The one draw of a task (create-only: a second never replaces it), with the attempt that made it. */
public record DrawRecord(String taskId, String attemptId, StratifiedDraw.Result result, String drawnAt, String drawnBy,
                         long drawMillis) {
}
