package cn.dongcheng.platform.population.linkage;

/** Where a fact about a person comes from; each kind is delivered separately and linked by the ID number. */
public enum SourceKind {
    /** 户籍登记: the public security bureau's household register. */
    HOUSEHOLD_REGISTRATION,
    /** 流动人口居住登记: residence registration of people whose hukou is elsewhere. */
    FLOATING_RESIDENCE,
    /** 人口普查: census microdata. */
    CENSUS,
    /** 抽样调查: sample-survey microdata (e.g. the 1 % survey). */
    SAMPLE_SURVEY,
    /** 出生登记. */
    BIRTH,
    /** 死亡登记. */
    DEATH,
    /** 迁移登记: a move within, into or out of the district. */
    MOVE
}
