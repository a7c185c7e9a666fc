package cn.dongcheng.platform.industry.monitoring;

/** Where an alert stands: raised, seen by the responsible official, or dealt with. */
public enum AlertState {
    NEW, ACKNOWLEDGED, CLOSED
}
