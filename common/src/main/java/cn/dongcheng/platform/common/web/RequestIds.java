package cn.dongcheng.platform.common.web;

import org.slf4j.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/** The request id (X-Request-Id) that follows a call from the gateway through every service and into the audit trail. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestIds() {
    }

    public static String current() {
        return MDC.get(MDC_KEY);
    }

    /** Keeps a well-formed incoming id; replaces anything else (log injection, absurd length) with a new one. */
    public static String acceptOrCreate(String incoming) {
        return incoming != null && SAFE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }
}
