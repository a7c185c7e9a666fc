package cn.dongcheng.platform.industry.web;

import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import cn.dongcheng.platform.industry.TestCodes;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import static cn.dongcheng.platform.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based, with a seeded generator (the seed is in every failure message, so a failure replays): thousands of
 * generated bulk lines — good ones, ones broken in a way that must be rejected, and ones whose fate is the service's
 * call — and generated query parameters. Properties: no answer is a 5xx, every error is a problem, every good line is
 * stored exactly once, no line that must be rejected is stored, and what is stored is exactly what the report accepted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedInputIT extends ElasticsearchIntegrationTest {

    static final long SEED = Long.getLong("generated.seed", 20261201L);
    static final int UPLOADS = 4;
    static final int LINES_PER_UPLOAD = 750; // ≤ 1,000: every rejection is listed in the report

    @LocalServerPort
    int port;
    ApiClient api;
    final Random random = new Random(SEED);
    int nextCode = 10_000;

    enum Fate { GOOD, BAD, EITHER }

    record Line(String text, Fate fate, String code) {
    }

    @BeforeAll
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void generatedBulkLinesNeverFailTheUploadAndGoodLinesAreStoredOnce() {
        Set<String> mustBeStored = new HashSet<>();
        Set<String> mustNotBeStored = new HashSet<>();
        Set<String> reportedStored = new HashSet<>();
        for (int upload = 0; upload < UPLOADS; upload++) {
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < LINES_PER_UPLOAD; i++) {
                lines.add(line());
            }
            StringBuilder body = new StringBuilder();
            lines.forEach(l -> body.append(l.text()).append('\n'));
            HttpResponse<String> r = api.postNdjson("/v1/enterprises:bulk?refresh=true", body.toString(), "DATA_STEWARD");
            assertThat(r.statusCode()).as("seed %d upload %d: %s", SEED, upload, r.body()).isEqualTo(200);
            JsonNode report = json(r);
            Set<Integer> rejectedLines = new HashSet<>();
            report.path("rejected").forEach(x -> rejectedLines.add(x.path("line").asInt()));
            assertThat(rejectedLines).hasSize(report.path("rejectedCount").asInt());
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                boolean rejected = rejectedLines.contains(i + 1);
                String what = "seed " + SEED + " upload " + upload + " line " + (i + 1) + ": " + abbreviated(line.text()) + " → " + r.body();
                switch (line.fate()) {
                    case GOOD -> assertThat(rejected).as(what).isFalse();
                    case BAD -> assertThat(rejected).as(what).isTrue();
                    case EITHER -> { }
                }
                if (line.code() != null) {
                    (rejected ? mustNotBeStored : reportedStored).add(line.code());
                }
                if (line.fate() == Fate.GOOD) {
                    mustBeStored.add(line.code());
                }
            }
        }
        Set<String> stored = storedCodes();
        assertThat(stored).as("seed %d", SEED).containsAll(mustBeStored).doesNotContainAnyElementsOf(mustNotBeStored)
                .containsExactlyInAnyOrderElementsOf(reportedStored);
        JsonNode total = json(api.get("/v1/enterprises?size=1", "INDUSTRY_OFFICER"));
        assertThat(total.path("total").asLong()).as("each stored once").isEqualTo(reportedStored.size());
    }

    @Test
    void generatedQueryParametersNeverAnswerA5xx() {
        String known = TestCodes.code(1);
        List<Function<Random, String>> requests = List.of(
                r -> "/v1/enterprises?" + params(r, List.of("q", "streetCode", "section", "division", "industryClass", "status",
                        "keyEnterprise", "establishedFrom", "establishedTo", "sort", "size", "cursor", "highEndCategory", "sizeClass")),
                r -> "/v1/alerts?" + params(r, List.of("state", "rule", "period", "streetCode", "industrySection", "uscc", "size", "cursor")),
                r -> "/v1/structure-analyses?" + params(r, List.of("period", "compareTo", "measure", "groupBy", "top")),
                r -> "/v1/enterprises/" + encoded(value(r)) + "?" + params(r, List.of("asOf")),
                r -> "/v1/enterprises/" + known + "/operating-indicators?" + params(r, List.of("from", "to")),
                r -> "/v1/enterprises/" + encoded(value(r)) + "/versions");
        for (int i = 0; i < 1500; i++) {
            String path = requests.get(random.nextInt(requests.size())).apply(random);
            HttpResponse<String> r = api.get(path, "INDUSTRY_OFFICER");
            assertThat(r.statusCode()).as("seed %d request %d: %s → %s", SEED, i, abbreviated(path), abbreviated(r.body())).isLessThan(500);
            if (r.statusCode() >= 400) {
                assertThat(r.headers().firstValue("Content-Type").orElse("")).as(abbreviated(path)).startsWith("application/problem+json");
            }
        }
    }

    private Line line() {
        int kind = random.nextInt(20);
        String code = TestCodes.code(nextCode++);
        return switch (kind) {
            case 0 -> new Line(enterprise(code, "\"registeredCapital\":1E+" + (19 + random.nextInt(400))), Fate.BAD, code);
            case 1 -> new Line(enterprise(code, "\"registeredCapital\":" + "9".repeat(41 + random.nextInt(4000))), Fate.BAD, code);
            case 2 -> new Line(enterprise(code, "\"address\":\"" + "长".repeat(10_001 + random.nextInt(20_000)) + "\""), Fate.BAD, code);
            case 3 -> {
                int depth = 17 + random.nextInt(2000);
                yield new Line(enterprise(code, "\"formerNames\":" + "[".repeat(depth) + "]".repeat(depth)), Fate.BAD, code);
            }
            case 4 -> {
                String whole = enterprise(code, "\"address\":\"x\"");
                yield new Line(whole.substring(0, 1 + random.nextInt(whole.length() - 2)), Fate.BAD, null);
            }
            case 5 -> new Line(enterprise(code, "\"registeredCapital\":\"" + value(random) + "x\""), Fate.BAD, code);
            case 6 -> new Line("{\"uscc\":{\"a\":" + random.nextInt() + "},\"name\":\"x\"}", Fate.BAD, null);
            case 7 -> new Line(enterprise(code, "\"keyEnterprise\":\"maybe\""), Fate.BAD, code);
            case 8 -> new Line(enterprise(code, "\"registeredCapital\":-" + (1 + random.nextInt(1000))), Fate.BAD, code);
            case 9 -> new Line(random.nextBoolean() ? "[1,2,3]" : "{}", Fate.BAD, null);
            case 10 -> new Line(enterprise(code, "\"establishedOn\":\"" + value(random) + "\""), Fate.EITHER, code);
            case 11 -> new Line(enterprise(code, "\"legalRepresentative\":\"" + jsonEscaped(value(random)) + "\""), Fate.EITHER, code);
            case 12 -> new Line(enterprise(code, "\"registeredCapital\":" + random.nextInt(1_000_000) + "." + random.nextInt(1000)), Fate.EITHER, code);
            default -> new Line(enterprise(code, "\"registeredCapital\":" + random.nextInt(100_000_000)), Fate.GOOD, code);
        };
    }

    /** Values that broke something somewhere once, and random text. */
    private static String value(Random r) {
        String[] nasty = {"", " ", "-1", "0", "1001", "99999999999999999999", "abc", "*:*", "\"", "'", "\\", "{", "[]", "%",
                "中文", "😀", "-0001-01-01", "0000-01-01", "2024-02-30", "9999-12-31", "+10000-01-01", "2024-13", "2024-12",
                "W10", "WzEsMl0", "eyJhIjoxfQ", "section", "division,street", ",", ",,,", "revenue", "-uscc", "relevance",
                "9".repeat(3900), "a".repeat(1400), "true", "null", "NaN", "1E+30", "110101001", "OUTSIDE", "M", "73"};
        if (r.nextInt(4) == 0) {
            StringBuilder s = new StringBuilder();
            for (int i = r.nextInt(30); i > 0; i--) {
                s.append((char) (0x20 + r.nextInt(0x3000)));
            }
            return s.toString();
        }
        return nasty[r.nextInt(nasty.length)];
    }

    private static String params(Random r, List<String> names) {
        StringBuilder q = new StringBuilder();
        for (int i = r.nextInt(4); i >= 0; i--) {
            String name = r.nextInt(8) == 0 ? "x" + r.nextInt(5) : names.get(r.nextInt(names.size()));
            q.append(q.isEmpty() ? "" : "&").append(encoded(name)).append('=').append(encoded(value(r)));
        }
        return q.toString();
    }

    private Set<String> storedCodes() {
        Set<String> codes = new HashSet<>();
        String cursor = "";
        do {
            JsonNode page = json(api.get("/v1/enterprises?size=1000&sort=uscc" + cursor, "INDUSTRY_OFFICER"));
            page.path("items").forEach(e -> assertThat(codes.add(e.path("uscc").asText())).as("stored once").isTrue());
            cursor = page.path("nextCursor").isTextual() ? "&cursor=" + page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return codes;
    }

    private static String enterprise(String code, String extra) {
        return "{\"uscc\":\"" + code + "\",\"name\":\"生成测试\",\"status\":\"ACTIVE\",\"streetCode\":\"110101001\","
                + "\"industrySection\":\"M\",\"industryClass\":\"7320\"," + extra + "}";
    }

    private static String encoded(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String jsonEscaped(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String abbreviated(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
