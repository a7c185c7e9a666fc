package cn.dongcheng.platform.credit.record;

import cn.dongcheng.platform.common.identifier.PersonalDataMasking;
import cn.dongcheng.platform.credit.publication.RecordStatus;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Stored record → API view: today's status, yuan, and the natural person masked unless {@code unmasked}. */
@Mapper(imports = RecordStatus.class)
public interface CreditRecordMapper {

    @Mapping(target = "subjectType", expression = "java(subjectType(document))")
    @Mapping(target = "idNumber", source = "idNumber", qualifiedByName = "maskId")
    @Mapping(target = "subjectName", expression = "java(subjectName(document, unmasked))")
    @Mapping(target = "subjectMasked", expression = "java(!unmasked && document.idNumber() != null)")
    @Mapping(target = "amount", source = "amountFen", qualifiedByName = "yuan")
    @Mapping(target = "status", expression = "java(RecordStatus.effective(document.status(), document.publication(), today))")
    CreditRecordView toView(CreditRecordDocument document, @Context boolean unmasked, @Context LocalDate today);

    default SubjectType subjectType(CreditRecordDocument document) {
        // records loaded before natural persons existed carry no type: they are all legal persons
        return document.subjectType() != null ? document.subjectType()
                : document.idNumber() != null ? SubjectType.NATURAL_PERSON : SubjectType.LEGAL_PERSON;
    }

    /** A legal person's name is public; a natural person's is masked like the ID number. */
    default String subjectName(CreditRecordDocument document, boolean unmasked) {
        return unmasked || document.idNumber() == null ? document.subjectName() : PersonalDataMasking.name(document.subjectName());
    }

    @Named("maskId")
    default String maskId(String idNumber, @Context boolean unmasked) {
        return unmasked ? idNumber : PersonalDataMasking.idNumber(idNumber);
    }

    @Named("yuan")
    default BigDecimal yuan(Long fen) {
        return fen == null ? null : BigDecimal.valueOf(fen, 2);
    }
}
