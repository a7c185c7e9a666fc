package cn.dongcheng.platform.credit.record;

/** Kinds of credit information a subject's record holds (信用中国 / 国家企业信用信息公示系统). */
public enum CreditRecordCategory {
    /** 行政许可 */
    ADMINISTRATIVE_LICENCE,
    /** 行政处罚 */
    ADMINISTRATIVE_PENALTY,
    /** 失信被执行人 */
    DISHONEST_JUDGMENT_DEBTOR,
    /** 严重违法失信名单 */
    SERIOUS_DISHONESTY_LIST,
    /** 经营异常名录 */
    ABNORMAL_OPERATIONS,
    /** 重大税收违法 */
    MAJOR_TAX_VIOLATION,
    /** 守信激励 / 红名单 */
    RED_LIST,
    /** 信用承诺 */
    CREDIT_COMMITMENT,
    /** 抽查检查结果 */
    SPOT_CHECK_RESULT
}
