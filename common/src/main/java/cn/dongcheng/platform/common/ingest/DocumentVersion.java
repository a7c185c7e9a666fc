package cn.dongcheng.platform.common.ingest;

import cn.dongcheng.platform.common.elasticsearch.Versioned;

/**
 * The version of a stored document a write was computed from ({@code _seq_no}, {@code _primary_term}), or
 * {@link #ABSENT}: the document did not exist. A write made on that condition fails with a conflict when another
 * writer got there first, instead of silently replacing what that writer stored.
 */
public record DocumentVersion(long seqNo, long primaryTerm) {

    public static final DocumentVersion ABSENT = new DocumentVersion(-1, 0);

    /** The version a document was read at. */
    public static DocumentVersion of(Versioned<?> read) {
        return new DocumentVersion(read.seqNo(), read.primaryTerm());
    }

    public boolean absent() {
        return seqNo < 0;
    }
}
