package cn.dongcheng.platform.population.table;

/** What a table can be broken down by, with the name used in requests and answers. */
public enum TableDimension implements TableOption {
    /** 街道: the 17 streets. */
    STREET("street"),
    /**
     * 社区: the community of residence, as the register holds it (the linked person's {@code residenceCommunity});
     * the categories are the communities present, and {@link TableLayout#UNKNOWN_COMMUNITY} for persons without one.
     */
    COMMUNITY("community"),
    /** 年龄: completed years on the table's date, grouped by {@link AgeGroups}. */
    AGE("age"),
    /** 性别. */
    SEX("sex"),
    /** 人口类别: registered resident, floating resident, registered but living elsewhere. */
    CATEGORY("category"),
    /** 户籍地: Dongcheng, elsewhere in Beijing, another province ({@link HukouPlace}). */
    HUKOU_PLACE("hukouPlace");

    private final String parameter;

    TableDimension(String parameter) {
        this.parameter = parameter;
    }

    @Override
    public String parameter() {
        return parameter;
    }
}
