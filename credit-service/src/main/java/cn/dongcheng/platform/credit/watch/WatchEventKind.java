package cn.dongcheng.platform.credit.watch;

/** What happened to a watched subject (信用监测事件). */
public enum WatchEventKind {
    /** 新增记录: a department loaded a record not held before */
    NEW_RECORD,
    /** 记录变更: a department corrected a record (or set a status other than the ones below) */
    RECORD_CHANGED,
    /** 公示期满: the record left the public view at Beijing midnight on its publication end */
    EXPIRED,
    /** 信用修复: an approved repair took the record out of the public view */
    REPAIRED,
    /** 异议提出: the subject disputes the record, which is shown marked until decided */
    OBJECTION_OPENED,
    /** 异议处理: upheld (the record is revoked) or rejected (the record is shown again as before) */
    OBJECTION_DECIDED,
    /** 信用评价变化: the subject's score, grade or risk class moved (old and new are in the event) */
    GRADE_CHANGED
}
