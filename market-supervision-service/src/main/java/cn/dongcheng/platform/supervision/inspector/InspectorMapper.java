package cn.dongcheng.platform.supervision.inspector;

import cn.dongcheng.platform.common.identifier.PersonalDataMasking;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;

/** Stored inspector → view: name and phone masked, conflicts left out, unless {@code unmasked}. */
@Mapper
public interface InspectorMapper {

    @Mapping(target = "name", source = "name", qualifiedByName = "maskName")
    @Mapping(target = "phone", source = "phone", qualifiedByName = "maskPhone")
    @Mapping(target = "personalDataMasked", expression = "java(!unmasked)")
    @Mapping(target = "conflicts", expression = "java(unmasked ? document.conflicts() : null)")
    InspectorView toView(InspectorDocument document, @Context boolean unmasked);

    @Named("maskName")
    default String maskName(String name, @Context boolean unmasked) {
        return unmasked ? name : PersonalDataMasking.name(name);
    }

    @Named("maskPhone")
    default String maskPhone(String phone, @Context boolean unmasked) {
        return unmasked ? phone : PersonalDataMasking.phone(phone);
    }
}
