package cn.dongcheng.platform.industry.enterprise;

/** Registration status of a market entity (登记状态). */
public enum EnterpriseStatus {
    /** 存续（在营、开业、在册） */
    ACTIVE,
    /** 吊销 */
    REVOKED,
    /** 注销 */
    DEREGISTERED,
    /** 迁出 */
    MOVED_OUT
}
