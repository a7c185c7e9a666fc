package cn.dongcheng.platform.common.ingest;

import java.util.List;

/**
 * What an NDJSON upload did: {@code accepted} lines are stored (once each, under their natural-key id);
 * {@code rejected} lists the first {@link NdjsonBulkIngester#MAX_REPORTED} rejections, {@code rejectedCount} all of them.
 */
public record BulkIngestionReport(long accepted, long rejectedCount, List<RejectedLine> rejected) {
}
