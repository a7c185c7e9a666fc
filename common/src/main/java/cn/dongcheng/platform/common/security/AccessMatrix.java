package cn.dongcheng.platform.common.security;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The authorisation matrix of one service (权限矩阵): every endpoint × every role → allow, masked, own, own/masked or
 * deny. Read from {@code security/<application>-access-matrix.txt}, the one place where a service's access rules are written; the
 * security filter enforces it, README shows it, and each service's {@code AccessMatrixIT} walks it row by row.
 *
 * <p>Format: {@code #} comments; a header line {@code method path ROLE ROLE …} naming every {@link CallerRole}; then
 * one line per endpoint: the HTTP method, a Spring path pattern ({@code /v1/enterprises/{uscc}}, {@code /actuator/health/**})
 * and one cell per role. Columns are separated by whitespace. A request that matches no row is denied to everyone.
 */
public final class AccessMatrix {

    /**
     * The service's own endpoints: {@code security/<spring.application.name>-access-matrix.txt}. Named after the
     * application so that two services on one class path (a test running a neighbour service) each find their own.
     */
    public static String location(String applicationName) {
        return "security/" + applicationName + "-access-matrix.txt";
    }

    /** Endpoints every service has (actuator, OpenAPI, audit), from this library. */
    public static final String COMMON = "security/common-endpoints.txt";

    /** One endpoint's line. */
    public record Row(String method, String path, Map<CallerRole, Access> cells, PathPattern pattern) {

        public Access access(CallerRole role) {
            return cells.get(role);
        }

        /** The most generous cell over the caller's roles. */
        public Access access(Set<CallerRole> roles) {
            Access best = Access.DENY;
            for (CallerRole role : roles) {
                best = best.or(cells.get(role));
            }
            return best;
        }

        /** {@code GET /v1/enterprises/{uscc}} */
        public String endpoint() {
            return method + " " + path;
        }
    }

    private static final PathPatternParser PARSER = new PathPatternParser();

    private final List<Row> rows;

    private AccessMatrix(List<Row> rows) {
        // the most specific pattern first, so /v1/persons/me wins over a pattern with a variable
        this.rows = rows.stream().sorted(Comparator.comparing(Row::pattern, PathPattern.SPECIFICITY_COMPARATOR)).toList();
    }

    /** A service's matrix: its own rows and the common ones. */
    public static AccessMatrix forService(String applicationName) {
        return load(COMMON).with(load(location(applicationName)));
    }

    public static AccessMatrix load(String classpathLocation) {
        ClassPathResource resource = new ClassPathResource(classpathLocation);
        try (InputStream in = resource.getInputStream()) {
            return parse(in, classpathLocation);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the access matrix " + classpathLocation, e);
        }
    }

    /** Both matrices' rows; an endpoint written in both is a mistake. */
    public AccessMatrix with(AccessMatrix other) {
        List<Row> all = new ArrayList<>(rows);
        for (Row row : other.rows) {
            if (all.stream().anyMatch(r -> r.endpoint().equals(row.endpoint()))) {
                throw new IllegalStateException(row.endpoint() + " has two rows");
            }
            all.add(row);
        }
        return new AccessMatrix(all);
    }

    public static AccessMatrix parse(InputStream in, String source) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<CallerRole> columns = null;
        List<Row> rows = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            if (columns == null) {
                columns = header(fields, source, number);
                continue;
            }
            if (fields.length != columns.size() + 2) {
                throw new IllegalStateException(source + ":" + number + ": expected a method, a path and "
                        + columns.size() + " cells, found " + fields.length + " fields");
            }
            Map<CallerRole, Access> cells = new EnumMap<>(CallerRole.class);
            for (int i = 0; i < columns.size(); i++) {
                try {
                    cells.put(columns.get(i), Access.ofCell(fields[i + 2]));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(source + ":" + number + ": " + e.getMessage(), e);
                }
            }
            if (cells.get(CallerRole.PUBLIC) == Access.OWN || cells.get(CallerRole.PUBLIC) == Access.OWN_ELSE_MASKED) {
                throw new IllegalStateException(source + ":" + number + ": the public has no subject of its own");
            }
            String method = fields[0].toUpperCase(Locale.ROOT);
            rows.add(new Row(method, fields[1], Map.copyOf(cells), PARSER.parse(fields[1])));
        }
        if (columns == null) {
            throw new IllegalStateException(source + " has no header line");
        }
        return new AccessMatrix(rows);
    }

    private static List<CallerRole> header(String[] fields, String source, int number) {
        if (fields.length < 2 || !fields[0].equalsIgnoreCase("method") || !fields[1].equalsIgnoreCase("path")) {
            throw new IllegalStateException(source + ":" + number + ": the header starts with 'method path'");
        }
        List<CallerRole> columns = Arrays.stream(fields).skip(2).map(CallerRole::valueOf).toList();
        if (!Set.copyOf(columns).equals(Set.of(CallerRole.values())) || columns.size() != CallerRole.values().length) {
            throw new IllegalStateException(source + ":" + number + ": the header names every role exactly once: "
                    + Arrays.toString(CallerRole.values()));
        }
        return columns;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The row that governs this request, if any (none: denied to everyone). */
    public Optional<Row> find(String method, String path) {
        String m = "HEAD".equals(method) ? "GET" : method; // HEAD is answered by the GET handler
        PathContainer container = PathContainer.parsePath(path);
        for (Row row : rows) {
            if (row.method.equals(m) && row.pattern.matches(container)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    /** What callers with these roles may do with this request. */
    public Access decide(String method, String path, Set<CallerRole> roles) {
        return find(method, path).map(row -> row.access(roles)).orElse(Access.DENY);
    }
}
