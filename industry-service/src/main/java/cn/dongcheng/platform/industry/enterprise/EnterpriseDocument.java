package cn.dongcheng.platform.industry.enterprise;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A market entity (市场主体) as stored in {@code industry-enterprises}, keyed by its Unified Social Credit Code.
 * {@code streetCode} is one of the 17 street codes, or {@code OUTSIDE} for an entity that moved out of the district.
 * Money is kept in fen (分) as a long: exact, and aggregatable without floating point. {@code effectiveFrom} is the
 * date the current name, address, street, status and industry took effect; earlier versions live in the history
 * index ({@link EnterpriseHistory}). {@code legacyCode}: a pre-2016 code whose check characters fail, imported under an
 * explicit override ({@code codeCheckFailure} says which check). {@code sizeClass}: above or below the designated size
 * (规模以上/以下), from the newest monthly report ({@code sizeClassPeriod}); kept by the indicator ingestion.
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
        String highEndCategory,
        Boolean keyEnterprise,
        String responsibleOfficial,
        LocalDate effectiveFrom,
        Boolean legacyCode,
        String codeCheckFailure,
        String sizeClass,
        String sizeClassPeriod,
        String dataSource,
        String updatedAt) {

    public EnterpriseDocument withEffectiveFrom(LocalDate date) {
        return new EnterpriseDocument(uscc, name, formerNames, entityType, status, establishedOn, registeredCapitalFen,
                registrationAuthority, address, streetCode, legalRepresentative, industrySection, industryDivision,
                industryClass, highEndCategory, keyEnterprise, responsibleOfficial, date, legacyCode, codeCheckFailure, sizeClass, sizeClassPeriod, dataSource, updatedAt);
    }

    public EnterpriseDocument withSizeClass(String size, String period) {
        return new EnterpriseDocument(uscc, name, formerNames, entityType, status, establishedOn, registeredCapitalFen,
                registrationAuthority, address, streetCode, legalRepresentative, industrySection, industryDivision,
                industryClass, highEndCategory, keyEnterprise, responsibleOfficial, effectiveFrom, legacyCode, codeCheckFailure,
                size, period, dataSource, updatedAt);
    }

    /** The same record in every field but {@code updatedAt} (when it was last written). */
    public boolean sameAs(EnterpriseDocument other) {
        return withUpdatedAt(null).equals(other.withUpdatedAt(null));
    }

    private EnterpriseDocument withUpdatedAt(String at) {
        return new EnterpriseDocument(uscc, name, formerNames, entityType, status, establishedOn, registeredCapitalFen,
                registrationAuthority, address, streetCode, legalRepresentative, industrySection, industryDivision,
                industryClass, highEndCategory, keyEnterprise, responsibleOfficial, effectiveFrom, legacyCode, codeCheckFailure,
                sizeClass, sizeClassPeriod, dataSource, at);
    }

    /** Whether a fact kept as history (name, address, street, status, industry) differs from {@code other}. */
    public boolean historyFactsDifferFrom(EnterpriseDocument other) {
        return !Objects.equals(name, other.name) || !Objects.equals(address, other.address)
                || !Objects.equals(streetCode, other.streetCode) || status != other.status
                || !Objects.equals(industrySection, other.industrySection)
                || !Objects.equals(industryClass, other.industryClass);
    }
}
