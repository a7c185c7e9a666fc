package cn.dongcheng.platform.industry.monitoring;

/** The early-warning rules (预警规则) an enterprise's reports and registration are checked against. */
public enum AlertRule {
    /** Year-to-date revenue fell by at least the threshold against the same period a year earlier. */
    REVENUE_FALL,
    /** Year-to-date VAT payable fell by at least the threshold. */
    TAX_FALL,
    /** Employees at the period end fell by at least the threshold year on year. */
    HEADCOUNT_FALL,
    /** Employees fell at each of the last two quarter ends. */
    HEADCOUNT_FALLING_TWO_QUARTERS,
    /** Annualised revenue dropped below the designated-size threshold it met a year earlier. */
    BELOW_SIZE_THRESHOLD,
    /** Registered as moved out, or the registered address left the district (迁出风险). */
    RELOCATION_RISK
}
