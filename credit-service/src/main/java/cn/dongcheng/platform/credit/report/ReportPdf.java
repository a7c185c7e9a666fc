package cn.dongcheng.platform.credit.report;

import cn.dongcheng.platform.credit.grade.Grade;
import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.publication.Severity;
import cn.dongcheng.platform.credit.record.CreditRecordCategory;
import cn.dongcheng.platform.credit.record.SubjectType;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;

/**
 * Sets a {@link CreditReport} as an A4 PDF a person would print: title, report facts (id, asOf, data as of,
 * generated, key), subject, grade with its explanation, the records, and how to check the signature. Unsigned: the
 * signature is added by {@link PdfReportSignature}. The report id is also in the document information
 * ({@value PdfReportSignature#REPORT_ID_KEY}), where a verifier reads it.
 */
public final class ReportPdf {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float BODY = 10;
    private static final float LEADING = 1.45f;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private static final Map<CreditRecordCategory, String> CATEGORIES = Map.of(
            CreditRecordCategory.ADMINISTRATIVE_LICENCE, "行政许可",
            CreditRecordCategory.ADMINISTRATIVE_PENALTY, "行政处罚",
            CreditRecordCategory.DISHONEST_JUDGMENT_DEBTOR, "失信被执行人",
            CreditRecordCategory.SERIOUS_DISHONESTY_LIST, "严重违法失信名单",
            CreditRecordCategory.ABNORMAL_OPERATIONS, "经营异常名录",
            CreditRecordCategory.MAJOR_TAX_VIOLATION, "重大税收违法",
            CreditRecordCategory.RED_LIST, "守信激励（红名单）",
            CreditRecordCategory.CREDIT_COMMITMENT, "信用承诺",
            CreditRecordCategory.SPOT_CHECK_RESULT, "抽查检查结果");
    private static final Map<RecordStatus, String> STATUSES = Map.of(RecordStatus.PUBLIC, "公示中", RecordStatus.EXPIRED, "公示期满",
            RecordStatus.REPAIRED, "已信用修复", RecordStatus.REVOKED, "已撤销", RecordStatus.UNDER_OBJECTION, "异议处理中");
    private static final Map<Severity, String> SEVERITIES = Map.of(Severity.MINOR, "轻微", Severity.GENERAL, "一般", Severity.SERIOUS, "严重");

    private final ReportFont font;

    public ReportPdf(ReportFont font) {
        this.font = font;
    }

    /** The unsigned PDF of the report. */
    public byte[] render(CreditReport report) {
        try (ReportFont.Lease lease = font.lease(); PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("信用报告 " + report.reportId());
            info.setAuthor("东城区大数据平台");
            info.setSubject("Credit report " + report.reportId() + " as of " + report.asOf());
            info.setCustomMetadataValue(PdfReportSignature.REPORT_ID_KEY, report.reportId());
            info.setCreationDate(GregorianCalendar.from(report.generatedAt().toZonedDateTime()));
            Pen pen = new Pen(document, lease.embedIn(document));
            write(report, pen);
            pen.finish(report.reportId());
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the report PDF", e);
        }
    }

    private void write(CreditReport report, Pen pen) throws IOException {
        pen.text("信用报告", 22, 0);
        pen.text("东城区大数据平台 · Dongcheng Data Platform credit report", 9, 0);
        pen.gap(6);
        pen.rule();
        pen.field("报告编号", report.reportId());
        pen.field("信用状况截至", report.asOf().toString());
        pen.field("数据截至", report.dataAsOf() == null ? "（无信用记录）" : TIME.format(report.dataAsOf()));
        pen.field("生成时间", TIME.format(report.generatedAt()) + "（北京时间）");
        pen.field("报告范围", report.scope() == CreditReport.Scope.FULL ? "主体本人完整记录（含已届满、已修复、已撤销）" : "公开信息（公示期内的记录）");
        pen.field("签名密钥", report.signingKeyId() + "（SHA256withRSA）");

        pen.heading("一、主体信息");
        CreditReport.ReportSubject s = report.subject();
        if (s.type() == SubjectType.LEGAL_PERSON) {
            pen.field("名称", s.name() == null ? "（名录暂不可用）" : s.name());
            pen.field("统一社会信用代码", s.uscc());
            if (s.status() != null) {
                pen.field("登记状态", s.status());
            }
            if (s.streetCode() != null) {
                pen.field("所在街道代码", s.streetCode());
            }
            if (s.industrySection() != null) {
                pen.field("行业门类", s.industrySection());
            }
            if (s.legalRepresentative() != null) {
                pen.field("法定代表人", s.legalRepresentative() + (Boolean.TRUE.equals(s.legalRepresentativeMasked()) ? "（已脱敏）" : ""));
            }
            pen.field("主体信息来源", s.identitySource() + (s.identityAsOf() == null ? "" : "，" + TIME.format(s.identityAsOf())));
        } else {
            pen.field("姓名", s.name() == null ? "" : s.name());
            pen.field("公民身份号码", s.idNumber() + (Boolean.TRUE.equals(s.masked()) ? "（已脱敏）" : ""));
        }

        Grade g = report.grade();
        pen.heading("二、信用评价");
        pen.field("综合得分", g.score() + " / 1000");
        pen.field("信用等级", g.grade().name());
        pen.field("风险分类", g.riskClass().name() + "（A 低风险 … D 高风险）");
        pen.field("计分记录", g.recordsInForce() + " 条");
        pen.field("规则版本", String.join("，", report.ruleVersions()));
        for (Grade.DimensionScore d : g.dimensions()) {
            pen.text(d.label() + "  " + d.points() + " / " + d.max(), BODY, 12);
            for (Grade.Line line : d.lines()) {
                String what = switch (line.kind()) {
                    case BASELINE -> "基础分";
                    case BOUND -> "上下限调整";
                    case RECORD -> CATEGORIES.get(line.category()) + " " + nullToEmpty(line.decisionNumber()) + " " + line.recordId();
                };
                pen.text(String.format("%+d  %s  %s", line.points(), what, nullToEmpty(line.rule())), 8.5f, 28);
            }
        }
        for (Grade.Limit limit : g.limits()) {
            pen.text("限制：" + CATEGORIES.get(limit.category()) + " " + limit.recordId()
                    + (limit.gradeNoBetterThan() == null ? "" : "，等级不高于 " + limit.gradeNoBetterThan())
                    + (limit.riskClassAtLeast() == null ? "" : "，风险分类不低于 " + limit.riskClassAtLeast()), 8.5f, 12);
        }

        pen.heading("三、信用记录（" + report.records().size() + " 条）");
        if (report.records().isEmpty()) {
            pen.text("截至 " + report.asOf() + " 无" + (report.scope() == CreditReport.Scope.FULL ? "" : "公示期内的") + "信用记录。", BODY, 0);
        }
        int n = 0;
        for (CreditReport.ReportRecord r : report.records()) {
            pen.gap(3);
            pen.text((++n) + ". " + CATEGORIES.get(r.category()) + (r.severity() == null ? "" : "（" + SEVERITIES.get(r.severity()) + "）")
                    + "  " + nullToEmpty(r.decisionNumber()), BODY, 0);
            List<String> facts = new ArrayList<>();
            facts.add("决定日期 " + r.decisionDate());
            facts.add(STATUSES.get(r.status()) + (r.statusDate() == null ? "" : "（" + r.statusDate() + "）"));
            if (r.publicationEnd() != null) {
                facts.add("公示截止 " + r.publicationEnd());
            }
            if (r.amount() != null) {
                facts.add("金额 " + r.amount() + " 元");
            }
            facts.add(r.inForce() ? "计入评价" : "未计入评价");
            pen.text(String.join(" · ", facts), 8.5f, 14);
            pen.text("机关：" + nullToEmpty(r.authority()) + "    记录编号：" + r.recordId(), 8.5f, 14);
            if (r.summary() != null) {
                pen.text("摘要：" + r.summary(), 8.5f, 14);
            }
        }

        pen.heading("四、真伪核验");
        pen.text(report.verification(), 8.5f, 0);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Writes lines top-down, wrapping to the width and starting new pages as needed; numbers the pages at the end. */
    private final class Pen {
        private final PDDocument document;
        private final PDType0Font face;
        private PDPageContentStream stream;
        private float y;

        Pen(PDDocument document, PDType0Font face) throws IOException {
            this.document = document;
            this.face = face;
            newPage();
        }

        void heading(String text) throws IOException {
            gap(10);
            text(text, 13, 0);
            rule();
        }

        void field(String label, String value) throws IOException {
            text(label + "：" + value, BODY, 0);
        }

        void gap(float points) {
            y -= points;
        }

        /** A line under the text above, clear of its descenders. */
        void rule() throws IOException {
            room(9);
            stream.setLineWidth(0.6f);
            stream.moveTo(MARGIN, y - 4);
            stream.lineTo(MARGIN + WIDTH, y - 4);
            stream.stroke();
            y -= 9;
        }

        void text(String raw, float size, float indent) throws IOException {
            for (String line : wrap(font.printable(raw), size, WIDTH - indent)) {
                room(size * LEADING);
                y -= size * LEADING;
                stream.beginText();
                stream.setFont(face, size);
                stream.newLineAtOffset(MARGIN + indent, y);
                stream.showText(line);
                stream.endText();
            }
        }

        private List<String> wrap(String text, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            float used = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                float w = face.getWidth(c) / 1000 * size;
                if (used + w > width && line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                    used = 0;
                }
                line.append(c);
                used += w;
            }
            lines.add(line.toString());
            return lines;
        }

        private void room(float needed) throws IOException {
            if (y - needed < MARGIN + 20) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        /** Closes the last page and writes "report id · page n / N" at the foot of every page. */
        void finish(String reportId) throws IOException {
            stream.close();
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                try (PDPageContentStream foot = new PDPageContentStream(document, document.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    foot.beginText();
                    foot.setFont(face, 8);
                    foot.newLineAtOffset(MARGIN, MARGIN - 10);
                    foot.showText(font.printable("报告编号 " + reportId + " · 第 " + (i + 1) + " / " + pages + " 页 · 东城区大数据平台签发，数字签名防篡改"));
                    foot.endText();
                }
            }
        }
    }
}
