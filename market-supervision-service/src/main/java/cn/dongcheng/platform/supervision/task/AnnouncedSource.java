package cn.dongcheng.platform.supervision.task;

/**
 * A public random source named when the task is announced, before its value can be known: e.g. "中国福利彩票3D 第
 * 2026330期 开奖号码" or "drand mainnet round 5,000,000". Its value is entered later, in this order.
 */
public record AnnouncedSource(String name, String description) {
}
