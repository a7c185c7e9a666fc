package cn.dongcheng.platform.industry.indicator;

import cn.dongcheng.platform.common.ingest.BulkIngestionReport;
import cn.dongcheng.platform.common.security.CallerContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;

@RestController
@Tag(name = "Operating indicators", description = "企业经营指标 (联网直报): monthly year-to-date reports and derived series")
public class OperatingIndicatorController {

    private final OperatingIndicators indicators;

    public OperatingIndicatorController(OperatingIndicators indicators) {
        this.indicators = indicators;
    }

    @PostMapping(path = "/v1/operating-indicators:bulk", consumes = {"application/x-ndjson", "text/plain", "application/octet-stream"})
    @Operation(summary = "Bulk NDJSON ingestion of monthly reports", description = "One report per line keyed by code and month; "
            + "rejected: invalid code, entity not in the directory, a month not yet ended, negative headcount or flows. "
            + "Flagged (stored, with the reason): a year-to-date figure lower than the previous month's.")
    public BulkIngestionReport bulk(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean refresh,
                                    CallerContext caller) throws IOException {
        return indicators.ingest(request.getInputStream(), refresh, caller);
    }

    @GetMapping("/v1/enterprises/{uscc}/operating-indicators")
    @Operation(summary = "An enterprise's monthly series", description = "Monthly values derived from the year-to-date reports, "
            + "year-on-year changes, profit margin, revenue per employee, cost per 100 yuan of revenue.")
    public List<IndicatorPoint> series(@PathVariable String uscc,
                                       @Parameter(example = "2024-01") @RequestParam(required = false) String from,
                                       @Parameter(example = "2024-12") @RequestParam(required = false) String to,
                                       CallerContext caller) {
        return indicators.series(uscc, from, to, caller);
    }
}
