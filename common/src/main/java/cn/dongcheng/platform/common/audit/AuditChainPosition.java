package cn.dongcheng.platform.common.audit;

/** One position in a chain: an entry's sequence number, hash and time (what an anchor keeps). */
public record AuditChainPosition(long seq, String hash, String time) {

    static AuditChainPosition of(AuditEntry entry) {
        return entry == null ? new AuditChainPosition(0, AuditEntry.GENESIS, null)
                : new AuditChainPosition(entry.seq(), entry.hash(), entry.time());
    }
}
