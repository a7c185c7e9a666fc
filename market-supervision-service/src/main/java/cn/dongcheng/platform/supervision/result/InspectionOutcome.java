package cn.dongcheng.platform.supervision.result;

/** What an inspection found (抽查检查结果), in credit-service's and gsxt's terms. */
public enum InspectionOutcome {
    /** 未发现问题 */
    NO_PROBLEM_FOUND,
    /** 发现问题; details required */
    PROBLEMS_FOUND,
    /** 通过登记的住所（经营场所）无法联系 */
    NOT_AT_REGISTERED_ADDRESS,
    /** 已关闭（歇业） */
    CLOSED
}
