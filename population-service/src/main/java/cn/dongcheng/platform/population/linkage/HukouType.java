package cn.dongcheng.platform.population.linkage;

/** The kind of household a hukou is registered in. */
public enum HukouType {
    /** 家庭户. */
    FAMILY,
    /** 集体户 (a work unit's, a school's). */
    COLLECTIVE
}
