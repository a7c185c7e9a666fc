package cn.dongcheng.platform.identity.login;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Hands out the same access token until it is about to expire, then fetches a new one: long runs (demo data loads,
 * a whole test build) outlive one token.
 */
public final class CachedToken implements Supplier<String> {

    private final TokenSource source;
    private final Duration margin;
    private AccessToken current;

    /** A source of fresh tokens; may fail with I/O errors, which surface unchecked. */
    @FunctionalInterface
    public interface TokenSource {
        AccessToken fetch() throws IOException, InterruptedException;
    }

    public CachedToken(TokenSource source, Duration margin) {
        this.source = source;
        this.margin = margin;
    }

    /** The compact JWT, fetched again when less than the margin is left. */
    @Override
    public synchronized String get() {
        if (current == null || !current.validFor(margin)) {
            current = TokenEndpoint.unchecked(source);
        }
        return current.value();
    }
}
