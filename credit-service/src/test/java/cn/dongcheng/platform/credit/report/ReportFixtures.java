package cn.dongcheng.platform.credit.report;

import cn.dongcheng.platform.credit.grade.CreditGrade;
import cn.dongcheng.platform.credit.grade.Dimension;
import cn.dongcheng.platform.credit.grade.Grade;
import cn.dongcheng.platform.credit.grade.RiskClass;
import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.publication.Severity;
import cn.dongcheng.platform.credit.record.CreditRecordCategory;
import cn.dongcheng.platform.credit.record.SubjectType;
import cn.dongcheng.platform.credit.subject.DirectoryEntries;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;

/** A report as the service would put it together, for tests of signing and rendering without Spring. */
final class ReportFixtures {

    static final String REPORT_ID = "CR-20261130-0123456789abcdef0123";

    private ReportFixtures() {
    }

    static CreditReport report(int records) {
        LocalDate day = LocalDate.of(2026, 11, 30);
        Grade grade = new Grade(day, "scorecard-v1", 740, CreditGrade.B, RiskClass.A, records,
                List.of(new Grade.DimensionScore(Dimension.COMPLIANCE, "遵纪守法", 350, 290, List.of(
                                new Grade.Line(Grade.LineKind.BASELINE, 350, "scorecard-v1 baseline", null, null, null, null, null, null),
                                new Grade.Line(Grade.LineKind.RECORD, -60, "scorecard-v1 ADMINISTRATIVE_PENALTY.GENERAL", "东城区市场监管局:CF-12",
                                        CreditRecordCategory.ADMINISTRATIVE_PENALTY, Severity.GENERAL, day.minusMonths(2), "京东市监罚〔2026〕12号", null))),
                        new Grade.DimensionScore(Dimension.CONTRACT_PERFORMANCE, "履约践诺", 250, 200, List.of(
                                new Grade.Line(Grade.LineKind.BASELINE, 200, "scorecard-v1 baseline", null, null, null, null, null, null)))),
                List.of());
        List<CreditReport.ReportRecord> listed = IntStream.range(0, records).mapToObj(i -> new CreditReport.ReportRecord(
                "东城区市场监管局:CF-" + i, CreditRecordCategory.ADMINISTRATIVE_PENALTY, "京东市监罚〔2026〕" + i + "号", day.minusMonths(2),
                "北京市东城区市场监督管理局", "《中华人民共和国广告法》第五十五条", "发布虚假广告，责令停止发布，罚款 12,000 元。涉及“𠀀”与 \"引号\"",
                Severity.GENERAL, "12000.00", RecordStatus.PUBLIC, null, day.plusYears(1), "publication-rules-v1", true)).toList();
        return new CreditReport(REPORT_ID, "信用报告", new CreditReport.ReportSubject(SubjectType.LEGAL_PERSON, "91110000802100433B",
                null, "北京百度网讯科技有限公司", null, "ACTIVE", "110101006", "I", "梁**", true, DirectoryEntries.Source.LIVE,
                OffsetDateTime.parse("2026-11-30T10:00:00+08:00")), day, CreditReport.Scope.PUBLIC,
                OffsetDateTime.parse("2026-11-29T09:30:00+08:00"), OffsetDateTime.parse("2026-11-30T10:00:05+08:00"), listed, grade,
                List.of("scorecard-v1", "publication-rules-v1"), "0123456789abcdef", "核验：POST /api/credit/v1/reports:verify");
    }
}
