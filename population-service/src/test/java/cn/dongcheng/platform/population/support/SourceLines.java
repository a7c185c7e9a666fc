package cn.dongcheng.platform.population.support;

import java.util.ArrayList;
import java.util.List;

/** A delivery of person-source lines built in a test, each with a source id of its own, sent as one NDJSON body. */
public final class SourceLines {

    private final String sourceIdPrefix;
    private final List<String> lines = new ArrayList<>();

    public SourceLines(String sourceIdPrefix) {
        this.sourceIdPrefix = sourceIdPrefix;
    }

    /** Adds a line of {@code source} dated {@code date} for {@code idNumber}, with further string fields; returns the ID number. */
    public String add(String source, String date, String idNumber, String... fieldsAndValues) {
        StringBuilder json = new StringBuilder("{\"source\":\"" + source + "\",\"sourceId\":\"" + sourceIdPrefix
                + (lines.size() + 1) + "\",\"sourceDate\":\"" + date + "\",\"idNumber\":\"" + idNumber + "\"");
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            json.append(",\"").append(fieldsAndValues[i]).append("\":\"").append(fieldsAndValues[i + 1]).append('"');
        }
        lines.add(json.append('}').toString());
        return idNumber;
    }

    public String ndjson() {
        return String.join("\n", lines);
    }
}
