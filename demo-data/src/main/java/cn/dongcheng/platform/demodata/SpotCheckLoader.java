package cn.dongcheng.platform.demodata;

import cn.dongcheng.platform.identity.login.CachedToken;
import cn.dongcheng.platform.identity.login.DemoUser;
import cn.dongcheng.platform.identity.login.DemoUsers;
import cn.dongcheng.platform.identity.login.PkceLogin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A year of "double random, one public" spot checks (双随机、一公开), carried out through market-supervision-service's
 * own API at the gateway as the people who do them: the demo regulator (a PKCE login, as in a browser) creates each
 * department's annual plan and its batches, freezes each pool at once, and — once the announced time of the random
 * sources has passed — enters the sources, draws and assigns inspectors; each result is entered by the lead inspector
 * of the target's team with that inspector's own account (named by badge), so every result is published and reaches
 * credit-service through the service's outbox.
 *
 * <p>Why every draw happens during the load: the service refuses a task whose sources' time is not in the future, a pool
 * frozen after that time and sources entered before it — so no draw can be back-dated, and none should be (a system
 * that lets you draw in the past lets you draw again). The year's batches are therefore all drawn now, each announcing
 * its sources {@value #ANNOUNCE_AHEAD_SECONDS} seconds ahead, and every inspection ends today. The sources themselves
 * are synthetic: seeded integers standing in for the public lottery results or beacon values a real task announces, and
 * named so.
 */
final class SpotCheckLoader {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** How far ahead each task announces its sources: enough to freeze its pool before they can be known. */
    static final int ANNOUNCE_AHEAD_SECONDS = 30;
    private static final String API = "/api/supervision/v1";
    private static final int PAGE = 1_000;
    private static final int RESULTS_IN_FLIGHT = 8;

    private final HttpClient http;
    private final URI gateway;
    private final URI issuer;
    private final Scale scale;
    private final long seed;
    private final PrintStream out;
    private final SupervisionData data = new SupervisionData();
    private final ObjectMapper mapper = new ObjectMapper();
    private final DemoUsers accounts = DemoUsers.load();
    private final Supplier<String> regulator;
    private final Map<String, Supplier<String>> inspectors = new HashMap<>();

    SpotCheckLoader(HttpClient http, URI gateway, URI issuer, Scale scale, long seed, PrintStream out) {
        this.http = http;
        this.gateway = gateway;
        this.issuer = issuer;
        this.scale = scale;
        this.seed = seed;
        this.out = out;
        this.regulator = login(accounts.forRole("REGULATOR"));
    }

    /** What was loaded, for the summary line and the README's counts. */
    record Summary(int plans, int tasks, long pool, long drawn, long assigned, long results, long problems, int infeasible) {
    }

    Summary load() {
        long started = System.nanoTime();
        int year = LocalDate.now(BEIJING).getYear();
        List<PlannedTask> planned = SpotCheckPlan.of(data.catalogue(), scale, year, seed);
        out.printf("  spot checks: %d tasks in the %d plans of %d, each announcing its random sources %d s ahead%n", planned.size(),
                planned.stream().map(PlannedTask::department).distinct().count(), year, ANNOUNCE_AHEAD_SECONDS);
        int plans = 0;
        for (String department : planned.stream().map(PlannedTask::department).distinct().toList()) {
            ObjectNode plan = mapper.createObjectNode().put("year", year).put("departmentCode", department)
                    .put("department", data.departmentName(department)).put("title", year + "年度双随机、一公开抽查工作计划（演示）");
            HttpResponse<String> r = send("POST", API + "/inspection-plans", plan.toString(), regulator);
            if (r.statusCode() == 409) {
                out.println("  spot checks: plan " + year + "-" + department + " exists already; a draw is never repeated, so no spot"
                        + " checks are loaded again");
                return new Summary(plans, 0, 0, 0, 0, 0, 0, 0);
            }
            expect(r, 201);
            plans++;
        }
        // create and freeze every task: each pool is published before its sources can be known
        List<FrozenTask> frozen = new ArrayList<>();
        for (PlannedTask task : planned) {
            OffsetDateTime after = OffsetDateTime.now(BEIJING).plusSeconds(ANNOUNCE_AHEAD_SECONDS).truncatedTo(ChronoUnit.SECONDS);
            JsonNode created = json(expect(send("POST", API + "/inspection-plans/" + task.planId() + "/tasks", task.body(after).toString(),
                    regulator), 201));
            String taskId = created.path("taskId").asText();
            HttpResponse<String> pool = send("POST", API + "/spot-check-tasks/" + taskId + "/pool", "", regulator);
            if (pool.statusCode() != 201) {
                out.println("  spot checks: pool of " + taskId + " not frozen (" + pool.statusCode() + "): " + pool.body());
                continue;
            }
            frozen.add(new FrozenTask(task, taskId, after, json(pool)));
            out.printf("  spot checks: %-15s pool %,6d %s frozen, sources after %s%n", taskId, poolSize(json(pool)),
                    json(pool).path("sampleSizes"), after.toLocalTime());
        }
        long pool = 0;
        long drawn = 0;
        long assigned = 0;
        long results = 0;
        long problems = 0;
        int infeasible = 0;
        LocalDate today = LocalDate.now(BEIJING);
        for (int t = 0; t < frozen.size(); t++) {
            FrozenTask task = frozen.get(t);
            waitUntil(task.sourcesAfter());
            long taskStarted = System.nanoTime();
            String path = API + "/spot-check-tasks/" + task.taskId();
            expect(send("POST", path + "/random-sources", sources(t).toString(), regulator), 201);
            expect(send("POST", path + "/draw", "", regulator), 201);
            pool += poolSize(task.pool());
            HttpResponse<String> assignment = send("POST", path + "/assignment", "", regulator);
            List<JsonNode> targets = targets(task.taskId());
            drawn += targets.size();
            if (assignment.statusCode() == 409) {
                infeasible++;
                out.printf("  spot checks: %-15s %d drawn, no assignment: %s%n", task.taskId(), targets.size(),
                        json(assignment).path("violations").size() + " targets cannot be staffed");
                continue;
            }
            expect(assignment, 201);
            int entered = 0;
            int found = 0;
            // results go in parallel: each waits for a refresh before it is answered, and they are independent
            Deque<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayDeque<>();
            for (JsonNode target : targets) {
                assigned++;
                SpotCheckOutcomes.Result result = SpotCheckOutcomes.of(data.catalogue(), task.planned(), target, seed);
                if (result == null) {
                    continue; // inspection still under way: no result yet
                }
                ObjectNode body = mapper.createObjectNode().put("outcome", result.outcome()).put("inspectionEndDate", today.toString());
                if (result.details() != null) {
                    body.put("details", result.details());
                }
                String lead = target.path("assignment").path("leadInspector").asText();
                inFlight.add(http.sendAsync(request("POST", path + "/targets/" + target.path("uscc").asText() + "/result", body.toString(),
                        inspector(lead)), HttpResponse.BodyHandlers.ofString()));
                while (inFlight.size() >= RESULTS_IN_FLIGHT) {
                    expect(inFlight.removeFirst().join(), 201);
                }
                entered++;
                found += SpotCheckOutcomes.PROBLEMS_FOUND.equals(result.outcome()) ? 1 : 0;
            }
            while (!inFlight.isEmpty()) {
                expect(inFlight.removeFirst().join(), 201);
            }
            results += entered;
            problems += found;
            out.printf(Locale.ROOT, "  spot checks: %-15s [%d/%d] drawn %d, teams assigned, results %d (%d with problems) in %.1f s%n",
                    task.taskId(), t + 1, frozen.size(), targets.size(), entered, found, (System.nanoTime() - taskStarted) / 1e9);
        }
        out.printf(Locale.ROOT, "  spot checks: %d plans, %d tasks, pools of %,d entities, %,d drawn, %,d assigned, %,d results "
                        + "(%,d with problems), %d assignments infeasible, done in %.1f s%n", plans, frozen.size(), pool, drawn, assigned,
                results, problems, infeasible, (System.nanoTime() - started) / 1e9);
        return new Summary(plans, frozen.size(), pool, drawn, assigned, results, problems, infeasible);
    }

    /** A task as planned and its frozen pool. */
    private record FrozenTask(PlannedTask planned, String taskId, OffsetDateTime sourcesAfter, JsonNode pool) {
    }

    /**
     * The values of a task's two announced sources, in the shapes of the lottery draws a real task names (three digits;
     * twenty distinct numbers of 1–80), seeded — the demo's stand-in for results published after the announced time.
     */
    private ObjectNode sources(int task) {
        SplittableRandom random = new SplittableRandom(seed * 31 + task);
        ObjectNode body = mapper.createObjectNode();
        ArrayNode sources = body.putArray("sources");
        ArrayNode digits = sources.addArray();
        for (int i = 0; i < 3; i++) {
            digits.add(random.nextInt(10));
        }
        TreeSet<Integer> numbers = new TreeSet<>();
        while (numbers.size() < 20) {
            numbers.add(1 + random.nextInt(80));
        }
        numbers.forEach(sources.addArray()::add);
        return body;
    }

    private List<JsonNode> targets(String taskId) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            String query = "?size=" + PAGE + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = json(expect(send("GET", API + "/spot-check-tasks/" + taskId + "/targets" + query, null, regulator), 200));
            page.path("items").forEach(all::add);
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return all;
    }

    private static long poolSize(JsonNode pool) {
        long size = 0;
        for (JsonNode stratum : pool.path("strata")) {
            size += stratum.size();
        }
        return size;
    }

    private void waitUntil(OffsetDateTime sourcesAfter) {
        // a second past the announced time on top: the service's clock decides, and it may be a moment behind this one
        long wait = Duration.between(OffsetDateTime.now(BEIJING), sourcesAfter.plusSeconds(1)).toMillis();
        if (wait > 0) {
            out.printf("  spot checks: waiting %d s for the announced time of the random sources (%s)%n", (wait + 999) / 1000,
                    sourcesAfter.toLocalTime());
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the sources' time", e);
            }
        }
    }

    private Supplier<String> inspector(String badge) {
        return inspectors.computeIfAbsent(badge, b -> login(accounts.inspector(b)));
    }

    private Supplier<String> login(DemoUser user) {
        PkceLogin login = new PkceLogin(issuer);
        return new CachedToken(() -> login.login(user.username(), user.password()), Duration.ofMinutes(1));
    }

    private HttpRequest request(String method, String path, String body, Supplier<String> token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token.get());
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return request.build();
    }

    private HttpResponse<String> send(String method, String path, String body, Supplier<String> token) {
        try {
            return http.send(request(method, path, body, token), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return response;
    }

    private JsonNode json(HttpResponse<String> response) {
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("unreadable answer of " + response.uri() + ": " + response.body(), e);
        }
    }
}
