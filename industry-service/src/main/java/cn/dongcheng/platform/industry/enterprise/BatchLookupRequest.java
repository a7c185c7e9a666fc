package cn.dongcheng.platform.industry.enterprise;

import java.util.List;

/** Body of a batch look-up: up to 1,000 Unified Social Credit Codes. */
public record BatchLookupRequest(List<String> codes) {
}
