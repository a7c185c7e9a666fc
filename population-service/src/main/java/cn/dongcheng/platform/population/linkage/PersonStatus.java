package cn.dongcheng.platform.population.linkage;

/** Whether a person is still on the district's books (现有), moved out of it (迁出) or deceased (死亡). */
public enum PersonStatus {
    PRESENT, MOVED_OUT, DECEASED
}
