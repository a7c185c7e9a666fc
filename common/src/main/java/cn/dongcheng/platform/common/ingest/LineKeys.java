package cn.dongcheng.platform.common.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a {@link LineKey} from a line's raw bytes: top-level scalar fields only, tolerant of anything after them. */
final class LineKeys {

    private static final int MAX_KEY = 100;

    private final JsonFactory factory;
    private final List<String> fields;

    private LineKeys(JsonFactory factory, List<String> fields) {
        this.factory = factory;
        this.fields = fields;
    }

    /** The reader for a line type's key, or null when the type declares none. */
    static LineKeys of(Class<?> lineType, JsonFactory factory) {
        LineKey key = lineType.getAnnotation(LineKey.class);
        return key == null ? null : new LineKeys(factory, List.of(key.value()));
    }

    /** The key, or null when the line does not have every part of it (or cannot be read that far). */
    String read(byte[] line) {
        Map<String, String> found = new HashMap<>();
        try (JsonParser parser = factory.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (found.size() < fields.size() && parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (fields.contains(name) && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                    found.put(name, parser.getText().trim());
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            // the key is reported when it was readable before the line broke
        }
        if (found.size() < fields.size()) {
            return null;
        }
        String key = String.join(":", fields.stream().map(found::get).toList());
        return key.length() <= MAX_KEY ? key : null;
    }
}
