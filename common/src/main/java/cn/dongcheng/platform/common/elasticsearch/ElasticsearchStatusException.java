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
}
