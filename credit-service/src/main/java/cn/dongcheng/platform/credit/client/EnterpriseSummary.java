package cn.dongcheng.platform.credit.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of industry-service's market-entity view that credit needs; unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnterpriseSummary(String uscc, String name, String status, String streetCode, String industrySection,
                                String industryClass, String legalRepresentative) {
}
