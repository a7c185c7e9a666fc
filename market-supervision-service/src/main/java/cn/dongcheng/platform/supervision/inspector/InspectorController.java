package cn.dongcheng.platform.supervision.inspector;

import cn.dongcheng.platform.common.ingest.BulkIngestionReport;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
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
@Tag(name = "Inspectors", description = "执法检查人员名录库: the officers random spot checks draw from")
public class InspectorController {

    private final InspectorDirectory directory;

    public InspectorController(InspectorDirectory directory) {
        this.directory = directory;
    }

    @PostMapping(path = "/v1/inspectors:bulk", consumes = {"application/x-ndjson", "text/plain", "application/octet-stream"})
    @Operation(summary = "Bulk NDJSON upload of a department's inspectors", description = "Keyed by badge number; idempotent; "
            + "regulators and data stewards only.")
    public BulkIngestionReport bulk(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean refresh,
                                    CallerContext caller) throws IOException {
        return directory.ingest(request.getInputStream(), refresh, caller);
    }

    @GetMapping("/v1/inspectors")
    @Operation(summary = "The inspector directory, cursor-paged", description = "Names and phones masked (张*, 138****1234) "
            + "and declared conflicts left out unless the role may see them; a full read is audited.")
    public Page<InspectorView> list(@Parameter(example = "东城区市场监督管理局") @RequestParam(required = false) String department,
                                    @Parameter(example = "FOOD_SAFETY") @RequestParam(required = false) String qualification,
                                    @Parameter(example = "ACTIVE") @RequestParam(required = false) String status,
                                    @RequestParam(required = false) Integer size,
                                    @RequestParam(required = false) String cursor, CallerContext caller) {
        return directory.list(new InspectorDirectory.Filter(department, qualification, status), PageRequest.of(size, cursor), caller);
    }
}
