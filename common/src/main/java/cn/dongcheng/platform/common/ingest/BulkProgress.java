package cn.dongcheng.platform.common.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The running counts of one upload, shared by the parsing, preparing and writing threads. Held by the caller, so an
 * upload that fails part-way still says what it stored: the audit entry and the 413 answer report it.
 */
public final class BulkProgress {

    private long accepted;
    private long unchanged;
    private long rejectedCount;
    private final List<RejectedLine> rejected = new ArrayList<>();
    private final Set<String> sideIndices = new HashSet<>();

    synchronized void accept() {
        accepted++;
    }

    synchronized void acceptUnchanged() {
        accepted++;
        unchanged++;
    }

    synchronized void reject(long line, String id, String reason) {
        rejectedCount++;
        if (rejected.size() < NdjsonBulkIngester.MAX_REPORTED) {
            rejected.add(new RejectedLine(line, id, reason));
        }
    }

    synchronized void sideIndex(String index) {
        sideIndices.add(index);
    }

    synchronized long accepted() {
        return accepted;
    }

    synchronized long rejectedCount() {
        return rejectedCount;
    }

    synchronized Set<String> sideIndices() {
        return Set.copyOf(sideIndices);
    }

    /** What was counted so far; after the ingester returned or threw, what the upload did. */
    public synchronized BulkIngestionReport result() {
        List<RejectedLine> sorted = new ArrayList<>(rejected);
        sorted.sort(Comparator.comparingLong(RejectedLine::line));
        return new BulkIngestionReport(accepted, unchanged, rejectedCount, List.copyOf(sorted));
    }
}
