package cn.dongcheng.platform.devtools.elasticsearch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Command line for {@code ./platform}: {@code start|stop|status --work-dir D --zip Z [--port 9200] [--heap 1g]}.
 * Exit code 0 on success, 1 when the node is not running (status) or failed to start.
 */
public final class EmbeddedElasticsearchCli {

    private EmbeddedElasticsearchCli() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: start|stop|status --work-dir DIR --zip FILE [--port 9200] [--transport-port 9300] [--heap 1g]");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int port = Integer.parseInt(options.getOrDefault("port", "9200"));
        EmbeddedElasticsearch node = new EmbeddedElasticsearch(new EmbeddedElasticsearch.Settings(
                Path.of(options.getOrDefault("zip", "target/elasticsearch/elasticsearch.zip")),
                EmbeddedElasticsearch.usableWorkDir(Path.of(options.getOrDefault("work-dir", ".platform/elasticsearch"))),
                options.getOrDefault("host", "127.0.0.1"), port,
                Integer.parseInt(options.getOrDefault("transport-port", String.valueOf(port + 100))),
                options.getOrDefault("heap", "1g"),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout-seconds", "180")))));
        switch (args[0]) {
            case "start" -> {
                try {
                    System.out.println("Elasticsearch healthy at " + node.start() + " (data in " + node.workDir().resolve("data") + ")");
                } catch (Exception e) {
                    System.err.println(e.getMessage());
                    System.exit(1);
                }
            }
            case "stop" -> System.out.println(node.stop() ? "Elasticsearch stopped" : "Elasticsearch was not running");
            case "status" -> {
                var status = node.health();
                System.out.println(status.map(s -> "Elasticsearch " + s + " at " + node.uri() + " pid "
                        + node.runningPid().map(String::valueOf).orElse("?") + " work-dir " + node.workDir()).orElse("Elasticsearch not running"));
                System.exit(status.isPresent() ? 0 : 1);
            }
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }
}
