package cn.dongcheng.platform.credit.record;

import cn.dongcheng.platform.common.ingest.BulkIngestionReport;
import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.problem.InvalidInputException;
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
@Tag(name = "Credit records", description = "信用记录: licences, penalties, lists, commitments, spot-check results")
public class CreditRecordController {

    static final int MAX_NAME = 100;

    private final CreditRecordStore store;

    public CreditRecordController(CreditRecordStore store) {
        this.store = store;
    }

    @PostMapping(path = "/v1/records:bulk", consumes = {"application/x-ndjson", "text/plain", "application/octet-stream"})
    @Operation(summary = "Bulk NDJSON ingestion of credit records", description = "One record per line, keyed by "
            + "sourceDepartment and sourceId: the same line again is stored once, a changed one replaces the record and "
            + "keeps the version it replaces. Legal persons by uscc, natural persons by idNumber and subjectName. The "
            + "publication window is computed from the rule file in force (SAMR Order 45, NDRC Order 36). Example line: "
            + "{\"sourceDepartment\":\"东城区市场监管局\",\"sourceId\":\"CF-2025-0012\",\"uscc\":\"91110000802100433B\","
            + "\"subjectName\":\"北京百度网讯科技有限公司\",\"category\":\"ADMINISTRATIVE_PENALTY\",\"decisionNumber\":\"京东市监罚〔2025〕12号\","
            + "\"decisionDate\":\"2025-03-08\",\"authority\":\"北京市东城区市场监督管理局\",\"legalBasis\":\"《广告法》第五十五条\","
            + "\"severity\":\"GENERAL\",\"regime\":\"MARKET_REGULATION\",\"amount\":\"20000.00\"}")
    public BulkIngestionReport bulk(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean refresh,
                                    CallerContext caller) throws IOException {
        return store.ingest(request.getInputStream(), refresh, caller);
    }

    @GetMapping("/v1/records")
    @Operation(summary = "Public records of legal persons by name", description = "Records whose legal person's name "
            + "contains the text (Chinese substring), inside their publication window today. Natural persons are never "
            + "searched by name: see POST /v1/persons:lookup.")
    public Page<CreditRecordView> byName(@Parameter(example = "百度") @RequestParam String name,
                                         @RequestParam(required = false) Integer size,
                                         @RequestParam(required = false) String cursor) {
        String text = name.strip();
        if (text.isEmpty() || text.length() > MAX_NAME) {
            throw new InvalidInputException("name", "must be 1–" + MAX_NAME + " characters");
        }
        return store.ofLegalPersonsNamed(text, PageRequest.of(size, cursor));
    }
}
