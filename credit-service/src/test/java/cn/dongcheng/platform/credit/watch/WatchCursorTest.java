package cn.dongcheng.platform.credit.watch;

import cn.dongcheng.platform.common.problem.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatchCursorTest {

    static final String ID = "0123456789abcdef0123456789abcdef";

    @Test
    void aCursorReadsBackAsThePositionItWasMadeOf() {
        WatchCursor cursor = new WatchCursor(1_764_520_000_123L, ID);
        String text = cursor.encode();
        assertThat(text).matches("[A-Za-z0-9_-]+"); // URL-safe, no padding
        assertThat(WatchCursor.decode(text)).isEqualTo(cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "w1:12:" + ID, "eDE6MTI6YWJj", "", "%%%"})
    void whatTheFeedDidNotIssueIsA400NamingTheCursor(String text) {
        assertUnknown(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"w2:12:" + ID, "w1:-5:" + ID, "w1:12:" + "0123456789ABCDEF0123456789ABCDEF", "w1:x:" + ID,
            "w1:12", "w1:12:" + ID + ":extra", "w1:99999999999999999999:" + ID})
    void aWellFormedButForeignPositionIsRefusedToo(String plain) {
        assertUnknown(Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII)));
    }

    private static void assertUnknown(String text) {
        assertThatThrownBy(() -> WatchCursor.decode(text)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("cursor")));
    }
}
