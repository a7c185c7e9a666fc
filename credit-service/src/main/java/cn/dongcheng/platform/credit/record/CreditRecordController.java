package cn.dongcheng.platform.credit.record;

import cn.dongcheng.platform.common.ingest.BulkIngestionReport;
import cn.dongcheng.platform.common.security.CallerContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

@RestController
@Tag(name = "Credit records", description = "信用记录: licences, penalties, lists, commitments, spot-check results")
public class CreditRecordController {

    private final CreditRecordStore store;

    public CreditRecordController(CreditRecordStore store) {
        this.store = store;
    }

    @PostMapping(path = "/v1/records:bulk", consumes = {"application/x-ndjson", "text/plain", "application/octet-stream"})
    @Operation(summary = "Bulk NDJSON ingestion of credit records", description = "Keyed by category, code and decision number; idempotent.")
    public BulkIngestionReport bulk(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean refresh,
                                    CallerContext caller) throws IOException {
        return store.ingest(request.getInputStream(), refresh, caller);
    }
}
