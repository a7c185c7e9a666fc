package cn.dongcheng.platform.credit.sanction;

import cn.dongcheng.platform.common.security.CallerContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Joint sanctions check", description = "联合惩戒 / 信用核查: lists and measures for a batch of subjects in a scenario")
public class SanctionCheckController {

    private final SanctionCheck check;

    public SanctionCheckController(SanctionCheck check) {
        this.check = check;
    }

    @PostMapping("/v1/sanction-checks")
    @Operation(summary = "Check up to 10,000 subjects against the sanction lists for a scenario", description = "Subjects "
            + "are legal persons ({\"uscc\"}) or natural persons ({\"idNumber\"}, in this body only). Per subject: whether "
            + "it is on a list in force on asOf (default today; serious illegal and dishonest list, dishonest judgment "
            + "debtors, abnormal operations, major tax violations: inside publication, not exited, repaired or revoked), "
            + "the entries, and the measures that apply in the scenario with their legal basis. Scenarios: "
            + "GOVERNMENT_PROCUREMENT, FISCAL_SUBSIDY, ADMINISTRATIVE_LICENSING, PUBLIC_OFFICE, PUBLIC_BIDDING, HONOURS. "
            + "Natural persons are masked unless the role may see them, and each is audited. More than 10,000 subjects: "
            + "413; an invalid code or number: 400 naming subjects[i] and the check that failed.")
    public SanctionCheckView check(@RequestBody(required = false) SanctionCheckRequest body, CallerContext caller) {
        return check.check(body, caller);
    }
}
