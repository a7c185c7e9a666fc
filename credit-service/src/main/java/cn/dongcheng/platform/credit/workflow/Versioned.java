package cn.dongcheng.platform.credit.workflow;

/** A document as read, with the sequence number and primary term a conditional write must match (optimistic concurrency). */
record Versioned<T>(String id, T document, long seqNo, long primaryTerm) {
}
