package cn.dongcheng.platform.common.elasticsearch;

/** A document as read, with the sequence number and primary term a conditional write must match (optimistic concurrency). */
public record Versioned<T>(String id, T document, long seqNo, long primaryTerm) {
}
