package cn.dongcheng.platform.industry.enterprise;

import cn.dongcheng.platform.common.ingest.BulkIngestionReport;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.common.web.input.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "Market entities", description = "市场主体名录: the district's directory of market entities")
public class EnterpriseController {

    private final EnterpriseDirectory directory;

    public EnterpriseController(EnterpriseDirectory directory) {
        this.directory = directory;
    }

    @PostMapping(path = "/v1/enterprises:bulk", consumes = {"application/x-ndjson", "text/plain", "application/octet-stream"})
    @Operation(summary = "Bulk NDJSON ingestion", description = "One entity per line; the id is the USCC, so a re-run never duplicates. "
            + "Answers the number accepted and every rejected line with its reason.")
    public BulkIngestionReport bulk(HttpServletRequest request,
                                    @Parameter(description = "make the lines searchable before answering") @RequestParam(defaultValue = "false") boolean refresh,
                                    @Parameter(description = "explicit override: import pre-2016 codes that fail their check characters, marked as legacy")
                                    @RequestParam(defaultValue = "false") boolean acceptLegacyCodes,
                                    CallerContext caller) throws IOException {
        return directory.ingest(request.getInputStream(), refresh, acceptLegacyCodes, caller);
    }

    @GetMapping("/v1/enterprises/{uscc}")
    @Operation(summary = "One market entity by its Unified Social Credit Code (统一社会信用代码)",
            description = "With asOf: the version in force on that date (name, address, street, status and industry are kept as history).")
    public EnterpriseView get(@Parameter(example = "91110000802100433B") @PathVariable String uscc,
                              @Parameter(example = "2020-06-30") @RequestParam(required = false)
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                              LocalDate asOf,
                              CallerContext caller) {
        return directory.get(uscc, asOf, caller);
    }

    @GetMapping("/v1/enterprises/{uscc}/versions")
    @Operation(summary = "Every version of a market entity, newest first", description = "变更历史: each with effectiveFrom and validTo.")
    public List<EnterpriseView> versions(@PathVariable String uscc, CallerContext caller) {
        return directory.versions(uscc, caller);
    }

    @GetMapping("/v1/enterprises")
    @Operation(summary = "Search market entities", description = "q finds any Chinese substring of the current or a former "
            + "name; filters: streetCode (or OUTSIDE), section, division, industryClass, status, keyEnterprise, "
            + "establishedFrom/establishedTo; sort: relevance (with q), uscc, name, establishedOn, registeredCapital, "
            + "'-' in front for descending; cursor paging works past 10,000 hits.")
    @QueryParameters({"q", "streetCode", "section", "division", "industryClass", "highEndCategory", "sizeClass", "status", "keyEnterprise", "establishedFrom", "establishedTo", "sort"})
    public Page<EnterpriseView> search(@Parameter(description = "search and filter parameters", example = "q=百度")
                                       @RequestParam Map<String, String> params,
                                       @RequestParam(required = false) Integer size,
                                       @RequestParam(required = false) String cursor,
                                       CallerContext caller) {
        return directory.search(EnterpriseSearch.parse(params), PageRequest.of(size, cursor), caller);
    }

    @PostMapping("/v1/enterprises:batch-get")
    @Operation(summary = "Batch look-up (批量比对) of up to 1,000 codes", description = "Answers the entities found, the valid "
            + "codes the directory does not hold, and the invalid codes with the failed check.")
    public BatchLookup batchGet(@RequestBody BatchLookupRequest request, CallerContext caller) {
        return directory.batchGet(request.codes(), caller);
    }

    @GetMapping("/v1/enterprises:stream")
    @Operation(summary = "Every code matching the filters, streamed as NDJSON", description = "A consistent snapshot (point in "
            + "time) of any size, for building inspection pools: {uscc, streetCode, industrySection, status} per line.")
    @QueryParameters({"q", "streetCode", "section", "division", "industryClass", "highEndCategory", "sizeClass", "status", "keyEnterprise", "establishedFrom", "establishedTo", "sort"})
    public void stream(@RequestParam Map<String, String> params, CallerContext caller, HttpServletResponse response) throws IOException {
        EnterpriseSearch search = EnterpriseSearch.parse(params);
        response.setContentType("application/x-ndjson");
        response.setCharacterEncoding("UTF-8");
        directory.streamCodes(search, response.getOutputStream(), caller);
    }

    @GetMapping("/v1/enterprises:export")
    @Operation(summary = "CSV export of a search", description = "Same filters as the search; legal representatives masked "
            + "unless the role allows; audited.")
    @QueryParameters({"q", "streetCode", "section", "division", "industryClass", "highEndCategory", "sizeClass", "status", "keyEnterprise", "establishedFrom", "establishedTo", "sort"})
    public void export(@RequestParam Map<String, String> params, CallerContext caller, HttpServletResponse response) throws IOException {
        EnterpriseSearch search = EnterpriseSearch.parse(params);
        response.setContentType("text/csv");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"enterprises.csv\"");
        directory.exportCsv(search, response.getOutputStream(), caller);
    }
}
