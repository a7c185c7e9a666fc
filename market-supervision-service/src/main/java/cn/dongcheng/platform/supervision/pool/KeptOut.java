package cn.dongcheng.platform.supervision.pool;

/** An entity the directory offered that the pool leaves out, and why (published with the pool). */
public record KeptOut(String uscc, String reason) {
}
