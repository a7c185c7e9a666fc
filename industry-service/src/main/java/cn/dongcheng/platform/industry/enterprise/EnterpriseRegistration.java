package cn.dongcheng.platform.industry.enterprise;

import cn.dongcheng.platform.common.ingest.LineKey;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A market entity as submitted for registration in the directory (one NDJSON line of a bulk upload).
 * Money in yuan with at most two decimals; codes in any case (stored upper-case). {@code changedOn}: the date a
 * change of name, address, street, status or industry took effect (required for such a change; defaults to the
 * establishment date on first registration).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@LineKey("uscc")
public record EnterpriseRegistration(
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
        String industrySection,
        String industryClass,
        Boolean keyEnterprise,
        String responsibleOfficial,
        String dataSource,
        LocalDate changedOn) {
}
