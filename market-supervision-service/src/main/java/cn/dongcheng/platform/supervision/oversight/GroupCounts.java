package cn.dongcheng.platform.supervision.oversight;

/** What the aggregations counted for one street or one industry section: targets drawn, results entered, problems found. */
public record GroupCounts(long drawn, long entered, long problemsFound) {

    public static final GroupCounts NONE = new GroupCounts(0, 0, 0);
}
