package cn.dongcheng.platform.supervision.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;

/** credit-service's answer to {@code POST /v1/risk-classes:batch}, as far as supervision needs it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RiskClasses(LocalDate asOf, String ruleVersion, List<Result> results) {

    /** The most codes credit-service takes in one call. */
    public static final int MAX_BATCH = 10_000;

    /** One code's SAMR credit-risk class, A (low) … D (high). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(String uscc, String riskClass) {
    }

    public record Request(List<String> codes, LocalDate asOf) {
    }
}
