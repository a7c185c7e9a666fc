package cn.dongcheng.platform.common.audit;

import java.util.List;

/** Result of walking the whole chain: every problem found, with the sequence number where it shows. */
public record AuditVerification(long entriesChecked, boolean intact, String headHash, List<String> problems) {
}
