package cn.dongcheng.platform.common.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits an NDJSON upload into lines as UTF-8 bytes, without decoding them to text: the JSON parser reads UTF-8
 * itself, so decoding here (and encoding again for Elasticsearch) was pure overhead. A line ends at {@code \n}; a
 * {@code \r} before it is dropped, and the last line needs no newline.
 */
final class NdjsonLines {

    private final InputStream in;
    private final byte[] buffer;
    private int position;
    private int limit;
    private boolean eof;
    private boolean first = true;

    NdjsonLines(InputStream in) {
        this(in, 64 * 1024);
    }

    NdjsonLines(InputStream in, int bufferSize) {
        this.in = in;
        this.buffer = new byte[bufferSize];
    }

    /** The next line without its line end, or null after the last one. A UTF-8 byte order mark is skipped. */
    byte[] next() throws IOException {
        byte[] line = nextRaw();
        if (first && line != null) {
            first = false;
            if (line.length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
                return Arrays.copyOfRange(line, 3, line.length);
            }
        }
        return line;
    }

    private byte[] nextRaw() throws IOException {
        byte[] carried = null;
        int carriedLength = 0;
        while (true) {
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    byte[] line = join(carried, carriedLength, position, i);
                    position = i + 1;
                    return withoutCarriageReturn(line);
                }
            }
            // no line end in what is buffered: keep it and read on
            int rest = limit - position;
            if (rest > 0) {
                if (carried == null || carriedLength + rest > carried.length) {
                    carried = Arrays.copyOf(carried == null ? new byte[0] : carried, Math.max(2 * (carriedLength + rest), 256));
                }
                System.arraycopy(buffer, position, carried, carriedLength, rest);
                carriedLength += rest;
            }
            position = 0;
            limit = eof ? -1 : in.read(buffer);
            if (limit < 0) {
                eof = true;
                limit = 0;
                return carriedLength == 0 ? null : withoutCarriageReturn(Arrays.copyOf(carried, carriedLength));
            }
        }
    }

    private byte[] join(byte[] carried, int carriedLength, int from, int to) {
        byte[] line = new byte[carriedLength + to - from];
        if (carriedLength > 0) {
            System.arraycopy(carried, 0, line, 0, carriedLength);
        }
        System.arraycopy(buffer, from, line, carriedLength, to - from);
        return line;
    }

    private static byte[] withoutCarriageReturn(byte[] line) {
        return line.length > 0 && line[line.length - 1] == '\r' ? Arrays.copyOf(line, line.length - 1) : line;
    }

    /** Only spaces, tabs and carriage returns (a blank line is skipped, not an error). */
    static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Whether the first character that is not white space opens a JSON object. */
    static boolean startsObject(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return b == '{';
            }
        }
        return false;
    }
}
