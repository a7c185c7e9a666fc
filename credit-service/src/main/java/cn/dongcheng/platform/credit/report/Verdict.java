package cn.dongcheng.platform.credit.report;

/** What a check of a report (JSON or PDF) found: 报告真伪核验结论. */
public enum Verdict {
    /** signed with the platform's report-signing key, unchanged, and issued under its report id */
    GENUINE,
    /** the content does not match its signature (changed after signing, or bytes added to the PDF) */
    ALTERED,
    /** a valid signature, but made with another key than the platform's */
    NOT_PLATFORM_KEY,
    /** a valid platform signature, but the registry has no report under this id with this digest */
    UNKNOWN_REPORT,
    /** no signature at all */
    NOT_SIGNED
}
