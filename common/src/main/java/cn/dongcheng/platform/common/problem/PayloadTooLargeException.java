package cn.dongcheng.platform.common.problem;

/**
 * The request body is larger than the configured limit: 413. A chunked bulk upload crosses the limit only after some
 * of its lines are stored; {@link #storedLines()} then says how many (a retry is safe: lines are stored under their
 * natural-key ids).
 */
public class PayloadTooLargeException extends RuntimeException {

    private final long limitBytes;
    private final Long storedLines;

    public PayloadTooLargeException(long limitBytes) {
        this(limitBytes, null, null);
    }

    /** A body within the byte limit that holds more items than the endpoint takes (a batch of codes); nothing is stored. */
    public PayloadTooLargeException(String detail) {
        super(detail);
        this.limitBytes = -1;
        this.storedLines = null;
    }

    private PayloadTooLargeException(long limitBytes, Long storedLines, Throwable cause) {
        super("request body exceeds the limit of " + limitBytes + " bytes"
                + (storedLines == null ? "" : "; " + storedLines + " lines read before the limit are stored"), cause);
        this.limitBytes = limitBytes;
        this.storedLines = storedLines;
    }

    /** The same refusal, saying how many lines were stored before the limit was hit; this one is the cause. */
    public PayloadTooLargeException withStoredLines(long stored) {
        return new PayloadTooLargeException(limitBytes, stored, this);
    }

    /** Lines stored before the limit was hit, or null when nothing of the body is stored by design. */
    public Long storedLines() {
        return storedLines;
    }
}
