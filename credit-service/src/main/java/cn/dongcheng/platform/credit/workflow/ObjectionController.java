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
@Tag(name = "Objections", description = "异议: the subject disputes a record, shown as under objection until an officer decides")
public class ObjectionController {

    private final CreditWorkflow workflow;

    public ObjectionController(CreditWorkflow workflow) {
        this.workflow = workflow;
    }

    @PostMapping("/v1/objections")
    @Operation(summary = "Object to one's own record", description = "The subject of the token (an enterprise's code, a "
            + "citizen's ID number) disputes its own record in the public view, giving its grounds. Until decided the record "
            + "shows with status UNDER_OBJECTION. One open application per record (409). The decision is due within the "
            + "working days of credit/workflow-rules-v1.json.")
    public ApplicationView object(@RequestBody ObjectionInput body, CallerContext caller) {
        return workflow.apply(ApplicationKind.OBJECTION, body.recordId(), body.grounds(), "grounds", caller);
    }

    @PostMapping("/v1/objections/{id}/decision")
    @Operation(summary = "Decide an objection", description = "APPROVE (upheld): the record is REVOKED and leaves the public "
            + "view; REJECT: the record is shown again as before. Its previous version is kept in the record's history. A reason "
            + "is required. A decided objection is not decided again: 409, also for the loser of two decisions at the same moment.")
    public ApplicationView decide(@PathVariable String id, @RequestBody DecisionInput body, CallerContext caller) {
        return workflow.decide(ApplicationKind.OBJECTION, id, body, caller);
    }

    @GetMapping("/v1/objections/{id}")
    @Operation(summary = "One objection", description = "For its subject and credit officers.")
    public ApplicationView get(@PathVariable String id, CallerContext caller) {
        return workflow.get(ApplicationKind.OBJECTION, id, caller);
    }

    @GetMapping("/v1/objections")
    @Operation(summary = "Objections for officers", description = "Oldest first; overdue=true: undecided past their due day.")
    public Page<ApplicationView> list(@RequestParam(required = false) ApplicationState state,
                                      @RequestParam(defaultValue = "false") boolean overdue,
                                      @RequestParam(required = false) Integer size, @RequestParam(required = false) String cursor,
                                      CallerContext caller) {
        return workflow.list(ApplicationKind.OBJECTION, state, overdue, PageRequest.of(size, cursor), caller);
    }
}
