package cn.dongcheng.platform.credit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The canonical form a JSON report's signature covers (RFC 8785 for strings, integers, booleans, null). */
class CanonicalJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String canonical(String json) throws Exception {
        return new String(CanonicalJson.of(JSON.readTree(json)), StandardCharsets.UTF_8);
    }

    @Test
    void membersAreSortedByUtf16CodeUnitsWithoutWhiteSpace() throws Exception {
        assertThat(canonical("{ \"b\" : 1, \"a\" : [ true, null, \"x\" ], \"A\": {\"z\":0,\"y\":-5} }"))
                .isEqualTo("{\"A\":{\"y\":-5,\"z\":0},\"a\":[true,null,\"x\"],\"b\":1}");
        // RFC 8785 3.2.3: U+E000 sorts after a surrogate pair (UTF-16 units), which code point order would reverse
        assertThat(canonical("{\"\uE000\":1,\"\uD83D\uDE00\":2,\"信\":3}")).isEqualTo("{\"信\":3,\"\uD83D\uDE00\":2,\"\uE000\":1}");
    }

    @Test
    void stringsAreEscapedMinimally() throws Exception {
        assertThat(canonical("{\"s\":\"引号\\\"\\\\ \\n\\t\\u0001\\u00e9\\u2028/\"}"))
                .isEqualTo("{\"s\":\"引号\\\"\\\\ \\n\\t\\u0001é\u2028/\"}");
    }

    @Test
    void integersAreDigitsAndNothingElseIsANumber() throws Exception {
        assertThat(canonical("[0, -1, 1000, 5.0, 1E3]")).isEqualTo("[0,-1,1000,5,1000]");
        assertThatThrownBy(() -> canonical("{\"a\":[1.5]}")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/a/0");
        assertThatThrownBy(() -> canonical("[18014398509481984]")).isInstanceOf(IllegalArgumentException.class);
    }
}
