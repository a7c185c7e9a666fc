package cn.dongcheng.platform.credit.report;

import cn.dongcheng.platform.credit.grade.RecordsInForce;
import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Stored record → a report's record as it stood on the report's day (its status then, not today's). */
@Mapper(imports = RecordsInForce.class)
public interface ReportRecordMapper {

    @Mapping(target = "amount", expression = "java(yuan(record.amountFen()))")
    @Mapping(target = "status", expression = "java(statusOn(record, day))")
    @Mapping(target = "statusDate", expression = "java(statusDateOn(record, day))")
    @Mapping(target = "publicationEnd", source = "publication.latestEnd")
    @Mapping(target = "publicationRule", source = "publication.ruleVersion")
    @Mapping(target = "inForce", expression = "java(RecordsInForce.on(record, day))")
    CreditReport.ReportRecord toReport(CreditRecordDocument record, @Context LocalDate day);

    /** A repair, revocation or objection dated after the day had not happened yet on it. */
    default RecordStatus statusOn(CreditRecordDocument record, LocalDate day) {
        RecordStatus stored = record.status() == null ? RecordStatus.PUBLIC : record.status();
        boolean later = record.statusDate() != null && record.statusDate().isAfter(day);
        return RecordStatus.effective(later ? RecordStatus.PUBLIC : stored, record.publication(), day);
    }

    default LocalDate statusDateOn(CreditRecordDocument record, LocalDate day) {
        return record.statusDate() != null && !record.statusDate().isAfter(day) ? record.statusDate() : null;
    }

    /** Yuan as a string: a report holds no fractional numbers (its canonical form has integers only). */
    default String yuan(Long fen) {
        return fen == null ? null : BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
