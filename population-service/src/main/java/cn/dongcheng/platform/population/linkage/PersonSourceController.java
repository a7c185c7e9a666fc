package cn.dongcheng.platform.population.linkage;

import cn.dongcheng.platform.common.ingest.BulkIngestionReport;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.population.person.PersonController.PersonLookup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

@RestController
@Tag(name = "Person sources", description = "多源人口信息整合: household registration, floating-population registration, "
        + "census, survey, births, deaths and moves linked by ID number into one person with per-field provenance")
public class PersonSourceController {

    private final PersonSources sources;

    public PersonSourceController(PersonSources sources) {
        this.sources = sources;
    }

    @PostMapping(path = "/v1/person-sources:bulk", consumes = {"application/x-ndjson", "text/plain", "application/octet-stream"})
    @Operation(summary = "Bulk NDJSON delivery of source records", description = "One source record per line with "
            + "`source`, `sourceId`, `sourceDate`, `idNumber` and what the source knows; keyed by source + sourceId (the "
            + "same line again is `unchanged`, a changed one keeps the replaced version). Each line's person is relinked "
            + "from all its source records under conflict-rules-v1. A line that fails a check stores nothing. Audited.")
    public BulkIngestionReport bulk(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean refresh,
                                    CallerContext caller) throws IOException {
        return sources.ingest(request.getInputStream(), refresh, caller);
    }

    @PostMapping("/v1/linked-persons:lookup")
    @Operation(summary = "A linked person with per-field provenance", description = "The ID number in the body, never in "
            + "a URL. Statisticians; a citizen only for their own number. Always audited.")
    public LinkedPersonView lookup(@RequestBody PersonLookup body, CallerContext caller) {
        return sources.lookup(body == null ? null : body.idNumber(), caller);
    }
}
