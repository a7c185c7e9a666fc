package cn.dongcheng.platform.credit.workflow;

/** What a subject asks of the credit office about one of its records. */
public enum ApplicationKind {
    /** 信用修复: end the record's publication early, after its minimum period, with a credit commitment */
    REPAIR,
    /** 异议: the record is wrong; shown as under objection while the office reviews it */
    OBJECTION
}
