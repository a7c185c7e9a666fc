package cn.dongcheng.platform.credit.grade;

/** The credit grade (信用等级), A best … D worst. */
public enum CreditGrade {
    A, B, C, D
}
