package cn.dongcheng.platform.population.person;

import cn.dongcheng.platform.common.ingest.BulkIngestionReport;
import cn.dongcheng.platform.common.problem.ForbiddenException;
import cn.dongcheng.platform.common.security.CallerContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

    /** Body of a look-up: the ID number travels in the body, never in a URL (URLs end up in access logs). */
    public record PersonLookup(@Schema(example = "11010519491231002X") String idNumber) {
    }

    @PostMapping("/v1/persons:lookup")
    @Operation(summary = "One person by citizen ID number (公民身份号码)", description = "Statisticians; a citizen only "
            + "for their own number. Masked unless the caller's role allows; always audited.")
    public PersonView lookup(@RequestBody PersonLookup body, CallerContext caller) {
        return registry.get(body == null ? null : body.idNumber(), caller);
    }

    @GetMapping("/v1/persons/me")
    @Operation(summary = "The signed-in citizen's own record", description = "The ID number comes from the citizen's token.")
    public PersonView me(CallerContext caller) {
        if (caller.subjectId() == null) {
            throw new ForbiddenException("the token names no person");
        }
        return registry.get(caller.subjectId(), caller);
    }
}
