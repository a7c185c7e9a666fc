package cn.dongcheng.platform.common.audit;

import java.util.List;

/**
 * Result of walking the whole chain: every problem found, with the sequence number where it shows.
 *
 * @param at the entry at the sequence number asked about (to check an anchor kept elsewhere), null when that entry
 *           is absent or none was asked about
 */
public record AuditVerification(long entriesChecked, boolean intact, long headSeq, String headHash, List<String> problems,
                                AuditChainPosition at) {
}
