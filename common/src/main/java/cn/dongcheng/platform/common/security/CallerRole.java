package cn.dongcheng.platform.common.security;

/**
 * The roles a verified token can carry (claim configured by {@code platform.security.roles-claim}). What each role may
 * do at each endpoint is written in the service's access matrix ({@code security/<application>-access-matrix.txt}).
 */
public enum CallerRole {
    /** No token: anyone on the internet (公众). Never carried by a token. */
    PUBLIC,
    /** A natural person signed in; their subject is their resident ID number (公民). */
    CITIZEN,
    /** A market entity signed in; its subject is its Unified Social Credit Code (企业). */
    ENTERPRISE,
    /** Statistics bureau analysts (统计局). */
    STATISTICIAN,
    /** District industry office (产业办/经济监测). */
    INDUSTRY_OFFICER,
    /** Market-regulation officers who plan and publish spot checks (市场监管). */
    REGULATOR,
    /** Law-enforcement inspectors who carry out spot checks (执法检查人员). */
    INSPECTOR,
    /** Credit administration staff (信用办). */
    CREDIT_OFFICER,
    /** Data stewards (数据管理员) who load source data through the ingestion APIs. */
    DATA_STEWARD,
    /** Audit and security staff: read the audit trails (审计). */
    AUDITOR,
    /** Platform operators: operational endpoints, never personal data (系统管理员). */
    ADMINISTRATOR,
    /** Another platform service acting on its own (client-credentials token); never unmasks personal data. */
    SERVICE
}
