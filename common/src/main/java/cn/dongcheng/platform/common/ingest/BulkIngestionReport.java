package cn.dongcheng.platform.common.ingest;

import java.util.List;

/**
 * What an NDJSON upload did: {@code accepted} lines are stored (once each, under their natural-key id) — of them,
 * {@code unchanged} matched the stored document exactly, so nothing was rewritten; {@code rejected} lists the first {@link NdjsonBulkIngester#MAX_REPORTED} rejections, {@code rejectedCount} all of them.
 */
public record BulkIngestionReport(long accepted, long unchanged, long rejectedCount, List<RejectedLine> rejected) {
}
