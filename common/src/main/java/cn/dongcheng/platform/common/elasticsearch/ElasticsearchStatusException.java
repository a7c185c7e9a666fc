package cn.dongcheng.platform.common.elasticsearch;

/** Elasticsearch answered with a non-2xx status; the body says why. */
public class ElasticsearchStatusException extends RuntimeException {
    private final int status;
    private final String body;

    public ElasticsearchStatusException(int status, String body) {
        super("Elasticsearch answered " + status + ": " + (body.length() > 500 ? body.substring(0, 500) + "…" : body));
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }

    public boolean isConflict() {
        return status == 409;
    }

    /** The index refuses writes for now: it is being copied to a new version ({@code VersionedIndexManager}). */
    public boolean isWriteBlocked() {
        return status == 403 && body.contains(WRITE_BLOCK);
    }

    /** The error type Elasticsearch gives a write into an index with {@code index.blocks.write}. */
    public static final String WRITE_BLOCK = "cluster_block_exception";
}
