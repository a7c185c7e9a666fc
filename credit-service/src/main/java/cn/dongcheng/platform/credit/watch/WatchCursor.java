package cn.dongcheng.platform.credit.watch;

import cn.dongcheng.platform.common.problem.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A reader's position in the event feed: the sort values of the last event handed out, (recordedAt in epoch
 * milliseconds, eventId), base64url of {@code w1:<millis>:<eventId>}. It names a position, not a search context, so
 * it stays valid across restarts of the service and across index migrations (ids and times are copied unchanged),
 * and a reader can keep it for as long as it likes and poll with it.
 */
record WatchCursor(long recordedAtMillis, String eventId) {

    private static final String VERSION = "w1";
    private static final Pattern EVENT_ID = Pattern.compile("[0-9a-f]{32}");

    String encode() {
        String plain = VERSION + ":" + recordedAtMillis + ":" + eventId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a client sent back; anything this feed did not issue is a 400 naming {@code cursor}. */
    static WatchCursor decode(String text) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw unknown();
        }
        String[] parts = plain.split(":", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0]) || !EVENT_ID.matcher(parts[2]).matches()) {
            throw unknown();
        }
        try {
            long millis = Long.parseLong(parts[1]);
            if (millis < 0) {
                throw unknown();
            }
            return new WatchCursor(millis, parts[2]);
        } catch (NumberFormatException e) {
            throw unknown();
        }
    }

    static InvalidInputException unknown() {
        return new InvalidInputException("cursor", "is not a cursor of this event feed: send back a nextCursor it answered");
    }
}
