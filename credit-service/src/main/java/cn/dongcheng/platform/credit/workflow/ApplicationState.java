package cn.dongcheng.platform.credit.workflow;

/**
 * Where an application stands: {@link #APPLIED} until a credit officer decides it, once, for good. For an objection
 * {@link #APPROVED} means upheld (the record is revoked) and {@link #REJECTED} that the record stands.
 */
public enum ApplicationState {
    /** 已受理, awaiting the decision */
    APPLIED,
    /** 准予修复 / 异议成立 */
    APPROVED,
    /** 不予修复 / 异议不成立 */
    REJECTED
}
