package cn.dongcheng.platform.supervision.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;

/**
 * credit-service's answer to {@code POST /v1/risk-classes:batch}, as far as supervision needs it: asked with
 * {@code classesOnly}, {@code classes} holds one letter per code asked, in the order asked.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RiskClasses(LocalDate asOf, String ruleVersion, String classes) {

    /** The most codes credit-service takes in one call. */
    public static final int MAX_BATCH = 10_000;

    public record Request(List<String> codes, LocalDate asOf, boolean classesOnly) {

        /** Today's classes of these codes, letters only. */
        public static Request classesOf(List<String> codes) {
            return new Request(codes, null, true);
        }
    }
}
