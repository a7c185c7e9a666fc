package cn.dongcheng.platform.supervision.draw;

import java.math.BigInteger;
import java.util.List;

/** The values of a task's announced random sources, entered once after their announced time (stored as entered). */
public record RandomSourcesRecord(String taskId, List<List<BigInteger>> sources, String enteredAt, String enteredBy) {
}
