package cn.dongcheng.platform.common.problem;

/** The request body is larger than the configured limit: 413. */
public class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(long limitBytes) {
        super("request body exceeds the limit of " + limitBytes + " bytes");
    }
}
