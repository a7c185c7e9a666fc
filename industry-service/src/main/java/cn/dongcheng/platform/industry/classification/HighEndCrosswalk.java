package cn.dongcheng.platform.industry.classification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which of Beijing's high-end industries (高精尖产业) a GB/T 4754 class belongs to, through the bundled crosswalk
 * ({@code reference/high-end-crosswalk.json}); the longest matching code prefix wins.
 */
public final class HighEndCrosswalk {

    private static final Map<String, String> PREFIXES = load();
    private static final Set<String> CATEGORIES = Set.copyOf(PREFIXES.values());

    private HighEndCrosswalk() {
    }

    private static Map<String, String> load() {
        try (InputStream in = HighEndCrosswalk.class.getResourceAsStream("/reference/high-end-crosswalk.json")) {
            JsonNode categories = new ObjectMapper().readTree(in).path("categories");
            Map<String, String> map = new HashMap<>();
            categories.fields().forEachRemaining(e -> e.getValue().forEach(code -> {
                String previous = map.put(code.asText(), e.getKey());
                if (previous != null) {
                    throw new IllegalStateException("code " + code.asText() + " is in two high-end categories: " + previous + ", " + e.getKey());
                }
            }));
            return Map.copyOf(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<String> categoryOf(String industryClass) {
        if (industryClass == null) {
            return Optional.empty();
        }
        for (int length = industryClass.length(); length >= 2; length--) {
            String category = PREFIXES.get(industryClass.substring(0, length));
            if (category != null) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }

    public static Set<String> categories() {
        return CATEGORIES;
    }
}
