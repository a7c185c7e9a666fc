package cn.dongcheng.platform.supervision.item;

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
@Tag(name = "Inspection items", description = "随机抽查事项清单: the published list every spot check draws on")
public class InspectionItemController {

    private final InspectionItemCatalogue catalogue;

    public InspectionItemController(InspectionItemCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @PostMapping(path = "/v1/inspection-items:bulk", consumes = {"application/x-ndjson", "text/plain", "application/octet-stream"})
    @Operation(summary = "Bulk NDJSON ingestion of inspection items", description = "Keyed by item code; idempotent; regulators and data stewards only.")
    public BulkIngestionReport bulk(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean refresh,
                                    CallerContext caller) throws IOException {
        return catalogue.ingest(request.getInputStream(), refresh, caller);
    }

    @GetMapping("/v1/inspection-items/{code}")
    @Operation(summary = "One inspection item by code")
    public InspectionItem get(@Parameter(example = "DC-SCJG-001") @PathVariable String code) {
        return catalogue.get(code);
    }

    @GetMapping("/v1/inspection-items/{code}/versions/{version}")
    @Operation(summary = "One inspection item as it read in a given version", description = "Every change to an item makes a "
            + "new version; a spot-check task records the version it drew by, and this answers what that version said.")
    public InspectionItem version(@Parameter(example = "DC-SCJG-001") @PathVariable String code,
                                  @Parameter(example = "1") @PathVariable int version) {
        return catalogue.get(code, version);
    }

    @GetMapping("/v1/inspection-items")
    @Operation(summary = "The inspection-item list, filtered by inspecting body or key-item flag, cursor-paged")
    public Page<InspectionItem> list(@RequestParam(required = false) String inspectingBody,
                                     @RequestParam(required = false) Boolean keyItem,
                                     @RequestParam(required = false) Integer size,
                                     @RequestParam(required = false) String cursor) {
        return catalogue.list(inspectingBody, keyItem, PageRequest.of(size, cursor));
    }
}
