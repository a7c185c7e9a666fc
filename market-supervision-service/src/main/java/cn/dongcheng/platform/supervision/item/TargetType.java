package cn.dongcheng.platform.supervision.item;

/** The market entities an inspection item applies to: enterprises (企业), individual businesses (个体工商户), or any. */
public enum TargetType {
    ENTERPRISE, INDIVIDUAL_BUSINESS, ALL
}
