package cn.dongcheng.platform.common.identifier;

/** An identifier failed a structural or checksum rule; the message says which. */
public class InvalidIdentifierException extends IllegalArgumentException {
    public InvalidIdentifierException(String reason) {
        super(reason);
    }
}
