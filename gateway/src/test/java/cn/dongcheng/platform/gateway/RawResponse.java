package cn.dongcheng.platform.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** An HTTP/1.1 response read off a raw socket (for clients that stop half-way): status, head, body by Content-Length or chunked. */
public record RawResponse(int status, String head, String body) {

    public static RawResponse read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.size() + " bytes of the response head: " + head);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        RawResponse headOnly = new RawResponse(Integer.parseInt(text.substring(9, 12)), text, "");
        String length = headOnly.header("content-length");
        byte[] body;
        if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        } else { // chunked
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size; (size = Integer.parseInt(line(in), 16)) > 0; line(in)) {
                chunks.write(in.readNBytes(size));
            }
            body = chunks.toByteArray();
        }
        return new RawResponse(headOnly.status, text, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    public String header(String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
