package cn.dongcheng.platform.common.ingest;

/** A line of an NDJSON upload that was not stored, and why. {@code id} is the natural key when it could be read. */
public record RejectedLine(long line, String id, String reason) {
}
