package cn.dongcheng.platform.common.security;

/**
 * What a caller may see. The gateway derives it from the caller's credential and passes it on in
 * {@code X-Caller-Role}; services never take it from the public internet directly.
 */
public enum CallerRole {
    /** Citizens and enterprises using public views (公众). */
    PUBLIC,
    /** Statistics bureau analysts (统计局). */
    STATISTICIAN,
    /** District industry office (产业办/经济监测). */
    INDUSTRY_OFFICER,
    /** Market-regulation inspectors (市场监管执法人员). */
    REGULATOR,
    /** Credit administration staff (信用办). */
    CREDIT_OFFICER,
    /** Data stewards (数据管理员) who load source data through the ingestion APIs. */
    DATA_STEWARD,
    /** Audit and security staff: reads the audit trail. */
    AUDITOR,
    /** Another platform service calling through Feign. */
    SERVICE
}
