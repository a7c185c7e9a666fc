package cn.dongcheng.platform.industry.monitoring;

import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.common.web.input.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@RestController
@Tag(name = "Early warning", description = "企业运行监测预警: rules over the monthly reports, alerts and their handling")
public class AlertController {

    private final AlertMonitor monitor;

    public AlertController(AlertMonitor monitor) {
        this.monitor = monitor;
    }

    /** Body of an acknowledgement or a closure. */
    public record AlertNote(String note) {
        public AlertNote {
            FreeText.bounded("note", note, FreeText.NOTE);
        }
    }

    @PostMapping("/v1/alert-evaluations")
    @Operation(summary = "Run the early-warning rules for a report month", description = "Idempotent: alerts already raised "
            + "(in any state) are counted, not raised again. Answers the rule version and counts per rule.")
    public EvaluationReport evaluate(@Parameter(example = "2024-12") @RequestParam String period, CallerContext caller) {
        return monitor.evaluate(period, caller);
    }

    @GetMapping("/v1/alerts")
    @Operation(summary = "Alerts, newest first", description = "Filters: state, rule, period, streetCode, industrySection, uscc, responsibleOfficial.")
    @QueryParameters({"state", "rule", "period", "streetCode", "industrySection", "uscc", "responsibleOfficial"})
    public Page<Alert> list(@RequestParam Map<String, String> filters, @RequestParam(required = false) Integer size,
                            @RequestParam(required = false) String cursor, CallerContext caller) {
        return monitor.list(filters, PageRequest.of(size, cursor), caller);
    }

    @PostMapping("/v1/alerts/{id}/acknowledgement")
    @Operation(summary = "The responsible official has seen the alert (NEW → ACKNOWLEDGED)")
    public Alert acknowledge(@PathVariable String id, @RequestBody(required = false) AlertNote body, CallerContext caller) {
        return monitor.acknowledge(id, body == null ? null : body.note(), caller);
    }

    @PostMapping("/v1/alerts/{id}/closure")
    @Operation(summary = "Close the alert with a note on how it was dealt with (NEW or ACKNOWLEDGED → CLOSED)")
    public Alert close(@PathVariable String id, @RequestBody AlertNote body, CallerContext caller) {
        return monitor.close(id, body.note(), caller);
    }
}
