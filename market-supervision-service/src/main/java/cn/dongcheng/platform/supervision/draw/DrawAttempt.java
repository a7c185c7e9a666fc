package cn.dongcheng.platform.supervision.draw;

/**
 * One attempt to draw a task, whatever came of it (全程留痕): {@code DRAWN} for the one that drew, {@code REFUSED}
 * with the reason for every other (drawn already, another attempt first, no pool or sources yet).
 */
public record DrawAttempt(String attemptId, String taskId, String at, String actor, String role, String requestId,
                          String outcome, String reason) {

    public static final String DRAWN = "DRAWN";
    public static final String REFUSED = "REFUSED";
}
