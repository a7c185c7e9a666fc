package cn.dongcheng.platform.industry.enterprise;

import cn.dongcheng.platform.common.ingest.BulkIngestionReport;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
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
                                    CallerContext caller) throws IOException {
        return directory.ingest(request.getInputStream(), refresh, caller);
    }

    @GetMapping("/v1/enterprises/{uscc}")
    @Operation(summary = "One market entity by its Unified Social Credit Code (统一社会信用代码)")
    public EnterpriseView get(@Parameter(example = "91110000802100433B") @PathVariable String uscc, CallerContext caller) {
        return directory.get(uscc, caller);
    }

    @GetMapping("/v1/enterprises")
    @Operation(summary = "List market entities, filtered by street and GB/T 4754 section, cursor-paged")
    public Page<EnterpriseView> list(@Parameter(example = "110101006") @RequestParam(required = false) String streetCode,
                                     @Parameter(example = "J") @RequestParam(required = false) String section,
                                     @RequestParam(required = false) Integer size,
                                     @RequestParam(required = false) String cursor,
                                     CallerContext caller) {
        return directory.list(streetCode, section, PageRequest.of(size, cursor), caller);
    }
}
