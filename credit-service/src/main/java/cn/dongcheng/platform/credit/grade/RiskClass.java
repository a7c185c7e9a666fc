package cn.dongcheng.platform.credit.grade;

/** SAMR's enterprise credit-risk class for supervision (企业信用风险分类, 2022): A low, B general, C higher, D high risk. */
public enum RiskClass {
    A, B, C, D
}
