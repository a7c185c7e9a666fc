package cn.dongcheng.platform.credit.workflow;

import cn.dongcheng.platform.common.paging.Page;
import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.security.CallerContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Credit repair", description = "信用修复: the subject applies after the minimum period, a credit officer decides")
public class RepairController {

    private final CreditWorkflow workflow;

    public RepairController(CreditWorkflow workflow) {
        this.workflow = workflow;
    }

    @PostMapping("/v1/repairs")
    @Operation(summary = "Apply for the repair of one's own record", description = "The subject of the token (an enterprise's "
            + "code, a citizen's ID number) applies about its own record, in the public view, once its minimum publication "
            + "period is over (before: 400 naming the first possible day), with a public credit commitment (信用承诺). One open "
            + "application per record (409). The decision is due within the working days of credit/workflow-rules-v1.json "
            + "(NDRC Order 36: 10).")
    public ApplicationView apply(@RequestBody RepairInput body, CallerContext caller) {
        return workflow.apply(ApplicationKind.REPAIR, body.recordId(), body.commitment(), "commitment", caller);
    }

    @PostMapping("/v1/repairs/{id}/decision")
    @Operation(summary = "Decide a repair application", description = "APPROVE: the record becomes REPAIRED and leaves the "
            + "public view (its previous version kept in the record's history); REJECT: the record stays. A reason is required. "
            + "A decided application is not decided again: 409, also for the loser of two decisions at the same moment.")
    public ApplicationView decide(@PathVariable String id, @RequestBody DecisionInput body, CallerContext caller) {
        return workflow.decide(ApplicationKind.REPAIR, id, body, caller);
    }

    @GetMapping("/v1/repairs/{id}")
    @Operation(summary = "One repair application", description = "For its subject and credit officers.")
    public ApplicationView get(@PathVariable String id, CallerContext caller) {
        return workflow.get(ApplicationKind.REPAIR, id, caller);
    }

    @GetMapping("/v1/repairs")
    @Operation(summary = "Repair applications for officers", description = "Oldest first; overdue=true: undecided past their due day.")
    public Page<ApplicationView> list(@RequestParam(required = false) ApplicationState state,
                                      @RequestParam(defaultValue = "false") boolean overdue,
                                      @RequestParam(required = false) Integer size, @RequestParam(required = false) String cursor,
                                      CallerContext caller) {
        return workflow.list(ApplicationKind.REPAIR, state, overdue, PageRequest.of(size, cursor), caller);
    }
}
