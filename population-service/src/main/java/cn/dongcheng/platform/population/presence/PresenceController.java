package cn.dongcheng.platform.population.presence;

import cn.dongcheng.platform.common.ingest.BulkIngestionReport;
import cn.dongcheng.platform.common.security.CallerContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

@RestController
@Tag(name = "Presence population", description = "运营商信令人口: hourly, day and night population from operators' presence counts")
public class PresenceController {

    private final PresenceCounts counts;
    private final PresenceFigures figures;

    public PresenceController(PresenceCounts counts, PresenceFigures figures) {
        this.counts = counts;
        this.figures = figures;
    }

    @PostMapping(path = "/v1/presence-counts:bulk", consumes = {"application/x-ndjson", "text/plain", "application/octet-stream"})
    @Operation(summary = "Bulk NDJSON ingestion of hourly presence counts", description = "One line per operator, street and hour: "
            + "{\"operator\":\"CHINA_MOBILE\",\"streetCode\":\"110101006\",\"hour\":\"2025-03-03T14:00\",\"count\":18850,"
            + "\"sourceBatch\":\"cm-20250304\"}. Keyed by operator, street and hour (a re-delivered line is unchanged, a corrected "
            + "one keeps the replaced count as history). Rejected: an operator without a market share, an unknown street, an "
            + "hour not on the hour or not yet ended (Beijing time), a negative count, no source batch. Audited.")
    public BulkIngestionReport bulk(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean refresh,
                                    CallerContext caller) throws IOException {
        return counts.ingest(request.getInputStream(), refresh, caller);
    }

    @GetMapping("/v1/presence-estimates")
    @Operation(summary = "A street's hourly population over up to 31 days", description = "Devices scaled to all operators by "
            + "market share (Σ count / Σ share of the operators that reported), times the street's calibration factor "
            + "(residents / mean scaled estimate over the night window of the period).")
    public PresenceSeries series(@Parameter(example = "110101006") @RequestParam(required = false) String streetCode,
                                 @Parameter(example = "2025-03-03") @RequestParam(required = false) String from,
                                 @Parameter(example = "2025-03-09") @RequestParam(required = false) String to,
                                 @Parameter(description = "night window start hour (default 2)") @RequestParam(required = false) Integer nightFrom,
                                 @Parameter(description = "night window end hour, exclusive (default 5)") @RequestParam(required = false) Integer nightTo,
                                 @Parameter(description = "REGISTER (default) or CENSUS_2020") @RequestParam(required = false) String calibrateTo) {
        return figures.series(streetCode, from, to, nightFrom, nightTo, calibrateTo);
    }

    @GetMapping("/v1/day-night-populations")
    @Operation(summary = "Day and night population per street and for the district", description = "Day: mean over the day "
            + "window (default 10:00–16:00) of working days; night: mean over the night window (default 02:00–05:00) of every "
            + "day; calibrated to residents; the day/night ratio; district totals over the calibrated streets.")
    public DayNightFigures dayNight(@Parameter(example = "110101006") @RequestParam(required = false) String streetCode,
                                    @Parameter(example = "2025-03-03") @RequestParam(required = false) String from,
                                    @Parameter(example = "2025-03-09") @RequestParam(required = false) String to,
                                    @Parameter(description = "day window start hour (default 10)") @RequestParam(required = false) Integer dayFrom,
                                    @Parameter(description = "day window end hour, exclusive (default 16)") @RequestParam(required = false) Integer dayTo,
                                    @Parameter(description = "night window start hour (default 2)") @RequestParam(required = false) Integer nightFrom,
                                    @Parameter(description = "night window end hour, exclusive (default 5)") @RequestParam(required = false) Integer nightTo,
                                    @Parameter(description = "REGISTER (default) or CENSUS_2020") @RequestParam(required = false) String calibrateTo) {
        return figures.dayNight(streetCode, from, to, dayFrom, dayTo, nightFrom, nightTo, calibrateTo);
    }
}
