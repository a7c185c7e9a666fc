package cn.dongcheng.platform.population.person;

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

@RestController
@Tag(name = "Persons", description = "人口基础信息: natural persons (masked unless the role allows; every access audited)")
public class PersonController {

    private final PersonRegistry registry;

    public PersonController(PersonRegistry registry) {
        this.registry = registry;
    }

    @PostMapping(path = "/v1/persons:bulk", consumes = {"application/x-ndjson", "text/plain", "application/octet-stream"})
    @Operation(summary = "Bulk NDJSON ingestion of persons", description = "One person per line, keyed by the ID number; "
            + "sex and birth date are derived from it. Writer roles only; audited.")
    public BulkIngestionReport bulk(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean refresh,
                                    CallerContext caller) throws IOException {
        return registry.ingest(request.getInputStream(), refresh, caller);
    }

    @GetMapping("/v1/persons/{idNumber}")
    @Operation(summary = "One person by citizen ID number (公民身份号码)", description = "Masked unless the caller's role allows; always audited.")
    public PersonView get(@Parameter(example = "11010519491231002X") @PathVariable String idNumber, CallerContext caller) {
        return registry.get(idNumber, caller);
    }
}
