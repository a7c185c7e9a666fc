package cn.dongcheng.platform.population.table;

/** What a table can be broken down by, with the name used in requests and answers. */
public enum TableDimension implements TableOption {
    /** 街道: the 17 streets. */
    STREET("street", null),
    /** 社区: not yet in the person register (issue 13 item 1 brings it). */
    COMMUNITY("community", "needs the community of each person, which the person register does not hold yet"),
    /** 年龄: completed years on the table's date, grouped by {@link AgeGroups}. */
    AGE("age", null),
    /** 性别. */
    SEX("sex", null),
    /** 人口类别: registered resident, floating resident, registered but living elsewhere. */
    CATEGORY("category", null),
    /** 户籍地: Dongcheng, elsewhere in Beijing, another province ({@link HukouPlace}). */
    HUKOU_PLACE("hukouPlace", null);

    private final String parameter;
    private final String unavailable;

    TableDimension(String parameter, String unavailable) {
        this.parameter = parameter;
        this.unavailable = unavailable;
    }

    @Override
    public String parameter() {
        return parameter;
    }

    @Override
    public String unavailable() {
        return unavailable;
    }

}
