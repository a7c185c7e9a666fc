package cn.dongcheng.platform.common.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NdjsonLinesTest {

    private static List<String> lines(byte[] input, int bufferSize) throws IOException {
        NdjsonLines lines = new NdjsonLines(new ByteArrayInputStream(input), bufferSize);
        List<String> out = new ArrayList<>();
        for (byte[] line; (line = lines.next()) != null; ) {
            out.add(new String(line, StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void splitsOnNewlinesWhateverTheBufferSize() throws IOException {
        String text = "{\"name\":\"北京百度网讯科技有限公司\"}\r\n\n{\"a\":1}\n   \n{\"b\":\"" + "长".repeat(300) + "\"}";
        List<String> expected = List.of("{\"name\":\"北京百度网讯科技有限公司\"}", "", "{\"a\":1}", "   ", "{\"b\":\"" + "长".repeat(300) + "\"}");
        for (int size : new int[] {1, 2, 3, 7, 64, 65536}) {
            assertThat(lines(text.getBytes(StandardCharsets.UTF_8), size)).as("buffer %d", size).isEqualTo(expected);
        }
    }

    @Test
    void aTrailingNewlineAddsNoLineAndAByteOrderMarkIsSkipped() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "{\"a\":1}\n{\"b\":2}\n".getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, input, 0, 3);
        System.arraycopy(body, 0, input, 3, body.length);
        assertThat(lines(input, 4)).containsExactly("{\"a\":1}", "{\"b\":2}");
        assertThat(lines(new byte[0], 16)).isEmpty();
    }

    @Test
    void blankAndObjectChecksLookPastWhiteSpace() {
        assertThat(NdjsonLines.isBlank(" \t\r".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(NdjsonLines.isBlank(" x".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(NdjsonLines.startsObject("  {\"a\":1}".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(NdjsonLines.startsObject("[1]".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(NdjsonLines.startsObject("   ".getBytes(StandardCharsets.UTF_8))).isFalse();
    }
}
