package cn.dongcheng.platform.credit.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** industry-service's answer to a batch look-up, as far as credit needs it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnterpriseBatch(List<EnterpriseSummary> found, List<String> unknown) {

    public record Request(List<String> codes) {
    }
}
