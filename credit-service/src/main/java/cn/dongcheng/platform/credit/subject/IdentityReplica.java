package cn.dongcheng.platform.credit.subject;

import cn.dongcheng.platform.credit.client.EnterpriseSummary;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Credit's own copy of the directory entries of its legal persons (法人主体名录副本), as industry-service last
 * answered them, without personal data: the legal representative is kept masked only. It lets a public look-up be
 * answered from credit's own index instead of a call to industry-service for every subject not in memory.
 */
interface IdentityReplica {

    /** A kept entry and when industry-service gave it. */
    record Kept(EnterpriseSummary summary, Instant fetchedAt) {
    }

    Optional<Kept> read(String uscc);

    /** Keeps the entries (legal representative masked before it is stored), as fetched at {@code at}. */
    void keep(Collection<EnterpriseSummary> summaries, Instant at);
}
