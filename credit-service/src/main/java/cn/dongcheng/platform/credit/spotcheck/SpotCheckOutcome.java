package cn.dongcheng.platform.credit.spotcheck;

/** What an inspection found (抽查检查结果), as gsxt publishes it. */
public enum SpotCheckOutcome {
    NO_PROBLEM_FOUND("未发现问题"),
    /** details required */
    PROBLEMS_FOUND("发现问题"),
    NOT_AT_REGISTERED_ADDRESS("通过登记的住所（经营场所）无法联系"),
    CLOSED("已关闭（歇业）");

    private final String label;

    SpotCheckOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
