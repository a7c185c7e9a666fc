package cn.dongcheng.platform.common.problem;

/** Caller input quoted back in an error: never more than a bounded prefix of it. */
public final class Echo {

    private static final int QUOTED = 60;

    private Echo() {
    }

    /** The value as a short quotation, e.g. {@code '2024-13'} or {@code '12345678…' (3900 characters)}. */
    public static String quote(Object value) {
        String text = String.valueOf(value);
        return text.length() <= QUOTED ? "'" + text + "'" : "'" + text.substring(0, QUOTED) + "…' (" + text.length() + " characters)";
    }

    static String bounded(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
