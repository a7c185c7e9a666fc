package cn.dongcheng.platform.credit.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The canonical form of a JSON report that its signature covers: RFC 8785 (JSON Canonicalization Scheme) for the
 * values a report holds — object members sorted by the UTF-16 code units of their names, no white space, strings
 * escaped minimally (only {@code "}, {@code \}, and control characters, {@code \}{@code u00xx} in lower case), integers
 * as digits. A report never holds a fractional number (amounts are strings), so one in a document to be checked
 * cannot be part of a genuine report and is refused rather than given a second number format.
 */
public final class CanonicalJson {

    /** Integers beyond this are not exact in the IEEE doubles RFC 8785 numbers are; no report holds one. */
    private static final BigInteger MAX_EXACT = BigInteger.valueOf(9_007_199_254_740_991L);

    private CanonicalJson() {
    }

    /** The UTF-8 bytes of the canonical form; {@link IllegalArgumentException} for a value no report holds. */
    public static byte[] of(JsonNode node) {
        StringBuilder out = new StringBuilder(4096);
        write(node, "", out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, String path, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    members.add(it.next());
                }
                // String.compareTo compares UTF-16 code units, which is the order RFC 8785 prescribes
                members.sort(Map.Entry.comparingByKey());
                out.append('{');
                for (int i = 0; i < members.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(members.get(i).getKey(), out);
                    out.append(':');
                    write(members.get(i).getValue(), path + "/" + members.get(i).getKey(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), path + "/" + i, out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            case NUMBER -> out.append(integer(node, path));
            default -> throw new IllegalArgumentException("no JSON value at " + path);
        }
    }

    private static BigInteger integer(JsonNode number, String path) {
        BigInteger value;
        if (number.isIntegralNumber()) {
            value = number.bigIntegerValue();
        } else {
            try {
                value = number.decimalValue().toBigIntegerExact();
            } catch (ArithmeticException fraction) {
                throw new IllegalArgumentException("a fractional number at " + path + ": a report holds integers only");
            }
        }
        if (value.abs().compareTo(MAX_EXACT) > 0) {
            throw new IllegalArgumentException("an integer beyond 2^53 at " + path);
        }
        return value;
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
