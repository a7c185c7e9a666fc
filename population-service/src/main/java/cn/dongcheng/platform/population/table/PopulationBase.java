package cn.dongcheng.platform.population.table;

import cn.dongcheng.platform.population.person.ResidenceType;

import java.util.List;

/** Whom a table counts (统计口径). */
public enum PopulationBase {
    /** 常住人口: living in the district (registered or floating). */
    RESIDENT(List.of(ResidenceType.REGISTERED_RESIDENT, ResidenceType.FLOATING_RESIDENT)),
    /** 户籍人口: registered in the district, wherever they live. */
    REGISTERED(List.of(ResidenceType.REGISTERED_RESIDENT, ResidenceType.REGISTERED_AWAY)),
    /** 外来常住人口: living here, registered elsewhere. */
    FLOATING(List.of(ResidenceType.FLOATING_RESIDENT)),
    /** Everyone in the register. */
    ALL(List.of(ResidenceType.values()));

    private final List<ResidenceType> types;

    PopulationBase(List<ResidenceType> types) {
        this.types = types;
    }

    public List<ResidenceType> types() {
        return types;
    }
}
