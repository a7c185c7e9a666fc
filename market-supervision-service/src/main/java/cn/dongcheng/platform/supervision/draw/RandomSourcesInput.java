package cn.dongcheng.platform.supervision.draw;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Body of {@code POST /v1/spot-check-tasks/{taskId}/random-sources}: one array of non-negative integers per announced
 * source, in the announced order. Read as JSON nodes so {@code 1.5} is refused, not silently truncated to 1.
 */
public record RandomSourcesInput(@Schema(example = "[[9319], [2, 5, 8, 10, 12]]") JsonNode sources) {
}
