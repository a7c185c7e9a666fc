package cn.dongcheng.platform.credit.publication;

/** Which order sets a penalty's publication period: market regulation has its own (SAMR Order 45), all others NDRC Order 36. */
public enum PenaltyRegime {
    /** 市场监督管理行政处罚 (SAMR Order 45, 2021) */
    MARKET_REGULATION,
    /** every other administrative penalty (NDRC Order 36, 信用修复管理办法) */
    GENERAL
}
