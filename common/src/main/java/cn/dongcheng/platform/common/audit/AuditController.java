package cn.dongcheng.platform.common.audit;

import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.common.web.RequestIds;
import cn.dongcheng.platform.common.web.input.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The auditor's view of this service's audit trail, the same in every service (registered by auto-configuration).
 * Who may call what is the access matrix's business, not this controller's.
 */
@RestController
@Tag(name = "Audit trail", description = "审计: entries, pseudonyms of persons, chain verification and head (for anchoring)")
public class AuditController {

    static final int MAX_IDENTIFIER_LENGTH = 64;

    private final AuditTrail trail;
    private final AuditEntries entries;

    public AuditController(AuditTrail trail, AuditEntries entries) {
        this.trail = trail;
        this.entries = entries;
    }

    @GetMapping("/v1/audit-entries")
    @Operation(summary = "Audit entries, newest first",
            description = "Filters (exact values): actor, role, action, subject (a person's pseudonym), resource, outcome, "
                    + "requestId; from/to: ISO date-times (2026-11-30T09:00:00+08:00; without offset: Beijing time). "
                    + "Unknown filters are a 400. The search itself is audited.")
    @Parameters({
            @Parameter(name = "actor", in = ParameterIn.QUERY), @Parameter(name = "role", in = ParameterIn.QUERY),
            @Parameter(name = "action", in = ParameterIn.QUERY, example = "READ_PERSON_FULL"),
            @Parameter(name = "subject", in = ParameterIn.QUERY, description = "pseudonym from POST /v1/audit-pseudonyms"),
            @Parameter(name = "resource", in = ParameterIn.QUERY), @Parameter(name = "outcome", in = ParameterIn.QUERY),
            @Parameter(name = "requestId", in = ParameterIn.QUERY),
            @Parameter(name = "from", in = ParameterIn.QUERY, example = "2026-11-30T09:00:00+08:00"),
            @Parameter(name = "to", in = ParameterIn.QUERY, example = "2026-11-30T18:00:00+08:00"),
            @Parameter(name = "size", in = ParameterIn.QUERY, example = "20"), @Parameter(name = "cursor", in = ParameterIn.QUERY)})
    @QueryParameters({"actor", "role", "action", "subject", "resource", "outcome", "requestId", "from", "to", "size", "cursor"})
    public Page<AuditEntry> entries(@Parameter(hidden = true) @RequestParam Map<String, String> parameters, CallerContext caller) {
        AuditQuery query = AuditQuery.fromParameters(parameters);
        Integer size = parameters.get("size") == null ? null
                : InvalidInputException.parsing("size", () -> Integer.valueOf(parameters.get("size").trim()));
        Page<AuditEntry> page = entries.search(query, PageRequest.of(size, parameters.get("cursor")));
        trail.append(new AuditEvent(caller.actor(), caller.roleNames(), "READ_AUDIT_ENTRIES", trail.alias(),
                query.terms().get("subject"), RequestIds.current(), "ok", query.describe()));
        return page;
    }

    public record PseudonymRequest(String identifier) {
    }

    public record PseudonymAnswer(String pseudonym) {
    }

    @PostMapping("/v1/audit-pseudonyms")
    @Operation(summary = "The pseudonym of a person's identifier",
            description = "Body {\"identifier\": \"11010519491231002X\"}: the identifier never goes in a URL. Answers the "
                    + "keyed pseudonym the trail stores in `subject`; the call is audited under that pseudonym.")
    public PseudonymAnswer pseudonym(@RequestBody PseudonymRequest request, CallerContext caller) {
        String identifier = request.identifier() == null ? "" : request.identifier().trim();
        if (identifier.isEmpty() || identifier.length() > MAX_IDENTIFIER_LENGTH) {
            throw new InvalidInputException("identifier", "must have 1 to " + MAX_IDENTIFIER_LENGTH + " characters");
        }
        AuditEntry entry = trail.record(caller, "PSEUDONYMISE", "audit-pseudonyms", identifier, "ok", null);
        return new PseudonymAnswer(entry.subject());
    }

    @GetMapping("/v1/audit-chain/verification")
    @Operation(summary = "Walks the whole chain",
            description = "Gaps, altered entries and broken links; `at` (a seq) also answers that entry's hash (null "
                    + "when absent), to check an anchor kept elsewhere.")
    public AuditVerification verification(@RequestParam(required = false) Long at) {
        return trail.verify(at);
    }

    @GetMapping("/v1/audit-chain/head")
    @Operation(summary = "The newest entry's seq, hash and time (real time)")
    public AuditChainPosition head() {
        return trail.head();
    }
}
