package cn.dongcheng.platform.credit.grade;

/** The five dimensions of the scorecard (after Guangzhou's public credit evaluation model). */
public enum Dimension {
    /** 遵纪守法 */
    COMPLIANCE,
    /** 履约践诺 */
    CONTRACT_PERFORMANCE,
    /** 资质荣誉 */
    QUALIFICATIONS_HONOURS,
    /** 社会责任 */
    SOCIAL_RESPONSIBILITY,
    /** 监管风险 */
    SUPERVISION_RISK
}
