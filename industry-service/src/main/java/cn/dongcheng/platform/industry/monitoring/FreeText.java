package cn.dongcheng.platform.industry.monitoring;

import cn.dongcheng.platform.common.problem.InvalidInputException;

/** Free text a caller writes into a record (a note, a comment) has a length limit, checked before anything is stored. */
public final class FreeText {

    /** A note on a record: a paragraph, not a document. */
    public static final int NOTE = 2000;

    private FreeText() {
    }

    /** The text unchanged, or a 400 naming the field when it is longer than {@code max} characters. */
    public static String bounded(String field, String text, int max) {
        if (text != null && text.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters, got " + text.length());
        }
        return text;
    }
}
