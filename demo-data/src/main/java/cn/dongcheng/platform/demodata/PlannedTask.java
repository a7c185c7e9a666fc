package cn.dongcheng.platform.demodata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One batch of a department's annual plan as the demo creates it (抽查任务): the items (several departments' for a
 * joint task), the directory filters of its pool and the two public random sources it announces.
 *
 * @param department  the plan's department code (a joint task's lead)
 * @param streetCode  the pool's street, or null for the whole district
 * @param section     the pool's GB/T 4754 section, or null for every section
 */
record PlannedTask(String department, int year, int batch, String name, String legalBasis, List<String> items, String streetCode,
                   String section) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    String planId() {
        return year + "-" + department;
    }

    /** The body of {@code POST /v1/inspection-plans/{planId}/tasks}, sources enterable after {@code after}. */
    ObjectNode body(OffsetDateTime after) {
        ObjectNode body = MAPPER.createObjectNode().put("batch", batch).put("name", name).put("legalBasis", legalBasis);
        items.forEach(body.putArray("items")::add);
        ObjectNode targets = body.putObject("targets");
        if (streetCode != null) {
            targets.put("streetCode", streetCode);
        }
        if (section != null) {
            targets.put("industrySection", section);
        }
        var sources = body.putArray("randomSources");
        sources.addObject().put("name", "演示随机源甲：3位数字（模拟福彩3D开奖号码形式）")
                .put("description", "synthetic-demo: seeded integers entered by the demo loader after the announced time, not a real draw");
        sources.addObject().put("name", "演示随机源乙：1–80中的20个数（模拟快乐8开奖号码形式）")
                .put("description", "synthetic-demo: seeded integers entered by the demo loader after the announced time, not a real draw");
        body.put("sourcesEnterableAfter", after.toString());
        return body;
    }
}
