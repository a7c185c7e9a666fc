package cn.dongcheng.platform.population.person;

import cn.dongcheng.platform.common.identifier.PersonalDataMasking;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Stored person → API view, in full or with ID, name, phone, address and exact birth date masked. */
@Mapper
public interface PersonMapper {

    @Mapping(target = "masked", constant = "false")
    PersonView full(PersonRecord person);

    default PersonView masked(PersonRecord p) {
        return new PersonView(PersonalDataMasking.idNumber(p.idNumber()), PersonalDataMasking.name(p.name()), p.sex(),
                p.birthDate() == null ? null : p.birthDate().withDayOfYear(1), p.streetCode(), p.residenceType(),
                PersonalDataMasking.phone(p.phone()), PersonalDataMasking.address(p.address()), true);
    }
}
