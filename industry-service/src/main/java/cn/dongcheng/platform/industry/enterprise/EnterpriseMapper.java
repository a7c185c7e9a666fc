package cn.dongcheng.platform.industry.enterprise;

import cn.dongcheng.platform.common.identifier.PersonalDataMasking;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Stored document → API view, masking the natural persons named in it (legal representative, responsible official)
 * unless {@code unmasked}.
 */
@Mapper
public interface EnterpriseMapper {

    default EnterpriseView toView(EnterpriseDocument document, @Context boolean unmasked) {
        return toView(document, null, unmasked);
    }

    /** A version of the record; {@code validTo} null for the current one. */
    @Mapping(target = "legalRepresentative", source = "document.legalRepresentative", qualifiedByName = "maskName")
    @Mapping(target = "responsibleOfficial", source = "document.responsibleOfficial", qualifiedByName = "maskName")
    @Mapping(target = "legalRepresentativeMasked", expression = "java(!unmasked && document.legalRepresentative() != null)")
    @Mapping(target = "registeredCapital", source = "document.registeredCapitalFen", qualifiedByName = "yuan")
    @Mapping(target = "validTo", source = "validTo")
    EnterpriseView toView(EnterpriseDocument document, LocalDate validTo, @Context boolean unmasked);

    @Named("yuan")
    default BigDecimal yuan(Long fen) {
        return fen == null ? null : BigDecimal.valueOf(fen, 2);
    }

    @Named("maskName")
    default String maskName(String name, @Context boolean unmasked) {
        return unmasked ? name : PersonalDataMasking.name(name);
    }
}
