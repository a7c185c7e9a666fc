package cn.dongcheng.platform.population.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The disclosure-control rules (统计数据披露控制规则) in force, from the versioned file
 * {@code disclosure/disclosure-control-v1.json}; every published table names {@link #version()} and the threshold.
 *
 * @param version   the rule file's version, e.g. {@code disclosure-control-v1}
 * @param threshold k: counts between 0 and k are suppressed (the file's default unless configured otherwise)
 */
public record DisclosureRules(String version, int threshold) {

    public static final String BUNDLED = "/disclosure/disclosure-control-v1.json";

    public DisclosureRules {
        if (threshold < 2) {
            throw new IllegalArgumentException("a disclosure threshold below 2 protects nobody");
        }
    }

    /** The bundled rules; {@code threshold} overrides the file's default when not null. */
    public static DisclosureRules bundled(Integer threshold) {
        try (InputStream in = DisclosureRules.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing");
            }
            JsonNode file = new ObjectMapper().readTree(in);
            return new DisclosureRules(file.path("version").asText(), threshold == null ? file.path("threshold").asInt() : threshold);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CellSuppression suppression() {
        return new CellSuppression(threshold);
    }

    /** Whether a count used for a ratio or a share would itself be suppressed as a cell. */
    public boolean sensitive(long count) {
        return count > 0 && count < threshold;
    }
}
