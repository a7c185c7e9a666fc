package cn.dongcheng.platform.supervision.plan;

/**
 * A department's annual spot-check plan (年度抽查计划, SAMR 2019: annual plans per body, drawn batch by batch). One
 * per department and year: its id is {@code <year>-<departmentCode>}, e.g. {@code 2026-SCJG}. Stored as answered.
 */
public record InspectionPlan(String planId, int year, String departmentCode, String department, String title,
                             String createdAt, String createdBy) {
}
