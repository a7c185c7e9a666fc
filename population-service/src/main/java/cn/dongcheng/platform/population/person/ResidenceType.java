package cn.dongcheng.platform.population.person;

/** How a person relates to the district (常住/户籍/流动). Residents are the first two. */
public enum ResidenceType {
    /** 户籍常住: registered (户籍) in Dongcheng and living here. */
    REGISTERED_RESIDENT,
    /** 外来常住: living here six months or more, registered elsewhere (the floating population proxy). */
    FLOATING_RESIDENT,
    /** 人户分离外出: registered in Dongcheng but living elsewhere; not a resident. */
    REGISTERED_AWAY;

    public boolean resident() {
        return this != REGISTERED_AWAY;
    }
}
