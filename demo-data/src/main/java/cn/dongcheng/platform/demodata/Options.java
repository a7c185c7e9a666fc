package cn.dongcheng.platform.demodata;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The demo data loader's command line, checked before anything runs: an unknown option, a value missing or a bad
 * scale or seed is a {@link UsageException} (exit 2), never a silently ignored word — {@code --help} once loaded the
 * whole district data set because nothing looked at it.
 */
record Options(Map<String, String> values) {

    static final String USAGE = """
            usage: java -jar demo-data-exec.jar [--scale small|district|city] [--seed 20201101] [--gateway http://127.0.0.1:8080]
                                                [--issuer URL] [--client-id demo-data-loader] [--client-secret S] [--if-empty] [--out DIR]
                   java -jar demo-data-exec.jar --help
              --scale          how much to generate (default district)
              --seed           the generator's seed (default 20201101)
              --gateway        where to load the data (default http://127.0.0.1:8080)
              --issuer         OIDC issuer of the loader's token ($IDENTITY_ISSUER, default http://127.0.0.1:9000)
              --client-id      the loader's client ($DEMO_DATA_CLIENT_ID, default demo-data-loader)
              --client-secret  its secret ($DEMO_DATA_CLIENT_SECRET)
              --if-empty       load only when the platform holds no data yet
              --out DIR        write NDJSON files to DIR instead of loading""";

    private static final Set<String> FLAGS = Set.of("if-empty", "help");
    private static final Set<String> WITH_VALUE = Set.of("scale", "seed", "gateway", "issuer", "client-id", "client-secret", "out");

    Options {
        values = Map.copyOf(values);
    }

    static Options parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.startsWith("--") ? arg.substring(2) : null;
            if (name != null && FLAGS.contains(name)) {
                values.put(name, "true");
            } else if (name != null && WITH_VALUE.contains(name)) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException("option " + arg + " needs a value");
                }
                values.put(name, args[++i]);
            } else {
                throw new UsageException("unknown option " + arg);
            }
        }
        Options options = new Options(values);
        options.scale();
        options.seed();
        return options;
    }

    boolean help() {
        return values.containsKey("help");
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String get(String name) {
        return values.get(name);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    Scale scale() {
        String scale = get("scale", "district");
        try {
            return Scale.valueOf(scale.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown scale " + scale + " (small, district or city)");
        }
    }

    long seed() {
        String seed = get("seed", String.valueOf(DemoDataCommand.DEFAULT_SEED));
        try {
            return Long.parseLong(seed);
        } catch (NumberFormatException e) {
            throw new UsageException("the seed must be a whole number, not " + seed);
        }
    }

    /** A command line that cannot be run: the message says why, the caller prints {@link #USAGE} and exits 2. */
    static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }
}
