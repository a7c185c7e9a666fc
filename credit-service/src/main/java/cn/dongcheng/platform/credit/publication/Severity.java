package cn.dongcheng.platform.credit.publication;

/** How grave a penalised act is (失信行为的严重程度):轻微 / 一般 / 严重; decides the publication period. */
public enum Severity {
    /** 轻微; under SAMR Order 45: a notice of criticism or a small fine only */
    MINOR,
    /** 一般 */
    GENERAL,
    /** 严重 */
    SERIOUS
}
