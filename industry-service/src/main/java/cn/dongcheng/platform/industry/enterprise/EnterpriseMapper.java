package cn.dongcheng.platform.industry.enterprise;

import cn.dongcheng.platform.common.identifier.PersonalDataMasking;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;

/** Stored document → API view, masking the legal representative (a natural person) unless {@code unmasked}. */
@Mapper
public interface EnterpriseMapper {

    @Mapping(target = "legalRepresentative", source = "legalRepresentative", qualifiedByName = "maskName")
    @Mapping(target = "legalRepresentativeMasked", expression = "java(!unmasked && document.legalRepresentative() != null)")
    @Mapping(target = "registeredCapital", source = "registeredCapitalFen", qualifiedByName = "yuan")
    EnterpriseView toView(EnterpriseDocument document, @Context boolean unmasked);

    @Named("yuan")
    default java.math.BigDecimal yuan(Long fen) {
        return fen == null ? null : java.math.BigDecimal.valueOf(fen, 2);
    }

    @Named("maskName")
    default String maskName(String name, @Context boolean unmasked) {
        return unmasked ? name : PersonalDataMasking.name(name);
    }
}
