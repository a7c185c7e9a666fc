package cn.dongcheng.platform.supervision.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One line of industry-service's directory stream ({@code GET /v1/enterprises:stream}); unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DirectoryEntry(String uscc, String status, String streetCode, String industrySection) {
}
