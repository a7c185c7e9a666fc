package cn.dongcheng.platform.credit.client;

/** The part of industry-service's market-entity view that credit needs; unknown fields are ignored. */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record EnterpriseSummary(String uscc, String name, String status, String streetCode, String industrySection,
                                String industryClass, String legalRepresentative) {
}
