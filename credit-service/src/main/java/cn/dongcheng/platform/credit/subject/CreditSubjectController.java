package cn.dongcheng.platform.credit.subject;

import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.security.CallerContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Credit subjects", description = "信用主体: a legal person's identity and credit records")
public class CreditSubjectController {

    private final CreditSubjects subjects;

    public CreditSubjectController(CreditSubjects subjects) {
        this.subjects = subjects;
    }

    @GetMapping("/v1/subjects/{uscc}")
    @Operation(summary = "A legal person's credit profile by Unified Social Credit Code")
    public CreditSubjectView subject(@Parameter(example = "91110000802100433B") @PathVariable String uscc,
                                     @RequestParam(required = false) Integer size,
                                     @RequestParam(required = false) String cursor,
                                     CallerContext caller) {
        return subjects.subject(uscc, PageRequest.of(size, cursor), caller);
    }
}
