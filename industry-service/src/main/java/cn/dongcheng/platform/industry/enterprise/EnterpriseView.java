package cn.dongcheng.platform.industry.enterprise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A market entity as the API shows it; {@code legalRepresentative} is masked unless the caller's role allows.
 * {@code effectiveFrom}/{@code validTo} bound the version shown ({@code validTo} null: the current one).
 */
public record EnterpriseView(
        String uscc,
        String name,
        List<String> formerNames,
        String entityType,
        EnterpriseStatus status,
        LocalDate establishedOn,
        BigDecimal registeredCapital,
        String registrationAuthority,
        String address,
        String streetCode,
        String legalRepresentative,
        boolean legalRepresentativeMasked,
        String industrySection,
        String industryDivision,
        String industryClass,
        String highEndCategory,
        Boolean keyEnterprise,
        String responsibleOfficial,
        LocalDate effectiveFrom,
        LocalDate validTo,
        Boolean legacyCode,
        String codeCheckFailure,
        String sizeClass,
        String sizeClassPeriod,
        String dataSource) {
}
