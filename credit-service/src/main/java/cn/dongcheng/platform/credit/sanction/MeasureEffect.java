package cn.dongcheng.platform.credit.sanction;

/** How hard a measure bites in its scenario. */
public enum MeasureEffect {
    /** 禁止 / 拒绝 / 不得: the subject is barred */
    EXCLUDE,
    /** 限制 / 从严审核: restricted or reviewed more strictly */
    RESTRICT
}
