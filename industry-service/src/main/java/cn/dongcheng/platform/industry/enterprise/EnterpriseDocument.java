package cn.dongcheng.platform.industry.enterprise;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/**
 * A market entity (市场主体) as stored in {@code industry-enterprises}, keyed by its Unified Social Credit Code.
 * {@code streetCode} is one of the 17 street codes, or {@code OUTSIDE} for an entity that moved out of the district.
 * Money is kept in fen (分) as a long: exact, and aggregatable without floating point.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnterpriseDocument(
        String uscc,
        String name,
        List<String> formerNames,
        String entityType,
        EnterpriseStatus status,
        LocalDate establishedOn,
        Long registeredCapitalFen,
        String registrationAuthority,
        String address,
        String streetCode,
        String legalRepresentative,
        String industrySection,
        String industryDivision,
        String industryClass,
        Boolean keyEnterprise,
        String responsibleOfficial,
        String dataSource,
        String updatedAt) {
}
