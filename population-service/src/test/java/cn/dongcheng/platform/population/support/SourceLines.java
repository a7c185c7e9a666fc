package cn.dongcheng.platform.population.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A delivery of person-source lines built in a test, each with a source id of its own, sent as one NDJSON body. */
public final class SourceLines {

    private final String sourceIdPrefix;
    private final List<String> lines = new ArrayList<>();

    public SourceLines(String sourceIdPrefix) {
        this.sourceIdPrefix = sourceIdPrefix;
    }

    /** A source line from alternating field names and values (strings quoted, the rest as written). */
    public static String line(Object... fieldsAndValues) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            Object v = fieldsAndValues[i + 1];
            json.append(i == 0 ? "" : ",").append('"').append(fieldsAndValues[i]).append("\":")
                    .append(v instanceof String s ? "\"" + s + "\"" : String.valueOf(v));
        }
        return json.append('}').toString();
    }

    /** Adds a line of {@code source} dated {@code date} for {@code idNumber}, with further string fields; returns the ID number. */
    public String add(String source, String date, String idNumber, String... fieldsAndValues) {
        List<Object> fields = new ArrayList<>(List.of("source", source, "sourceId", sourceIdPrefix + (lines.size() + 1),
                "sourceDate", date, "idNumber", idNumber));
        fields.addAll(Arrays.asList(fieldsAndValues));
        lines.add(line(fields.toArray()));
        return idNumber;
    }

    public String ndjson() {
        return String.join("\n", lines);
    }
}
