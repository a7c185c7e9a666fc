package cn.dongcheng.platform.population.presence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Each telecom operator's share of the devices present (市场份额), from a versioned data file
 * ({@code presence/operator-market-shares-v1.json}) that names its source or says it is an assumption. The operators
 * it lists are the only ones a presence count may come from.
 */
public final class MarketShares {

    private final String version;
    private final boolean verified;
    private final Map<String, Double> shares;

    MarketShares(String version, boolean verified, Map<String, Double> shares) {
        if (shares.isEmpty()) {
            throw new IllegalStateException(version + ": no operator shares");
        }
        double sum = 0;
        for (Map.Entry<String, Double> s : shares.entrySet()) {
            if (!(s.getValue() > 0 && s.getValue() <= 1)) {
                throw new IllegalStateException(version + ": share of " + s.getKey() + " must be in (0, 1], got " + s.getValue());
            }
            sum += s.getValue();
        }
        if (sum > 1 + 1e-9) {
            throw new IllegalStateException(version + ": shares add up to " + sum + ", more than the whole market");
        }
        this.version = version;
        this.verified = verified;
        this.shares = Map.copyOf(shares);
    }

    public static MarketShares load(InputStream in) throws IOException {
        JsonNode file = new ObjectMapper().readTree(in);
        String version = file.path("version").asText("");
        if (version.isBlank() || file.path("source").asText("").isBlank()) {
            throw new IllegalStateException("a market-share file must name its version and its source (or state its assumption)");
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        file.path("shares").fields().forEachRemaining(e -> shares.put(e.getKey(), e.getValue().asDouble()));
        return new MarketShares(version, file.path("verified").asBoolean(false), shares);
    }

    public String version() {
        return version;
    }

    /** False while the shares are an assumption rather than figures checked against their source. */
    public boolean verified() {
        return verified;
    }

    public Set<String> operators() {
        return shares.keySet();
    }

    public boolean knows(String operator) {
        return shares.containsKey(operator);
    }

    /** The summed share of the operators given, each counted once; an unknown operator is an error of the caller. */
    public double shareOf(Collection<String> operators) {
        double sum = 0;
        for (String operator : Set.copyOf(operators)) {
            Double share = shares.get(operator);
            if (share == null) {
                throw new IllegalArgumentException("no market share for operator " + operator);
            }
            sum += share;
        }
        return sum;
    }
}
