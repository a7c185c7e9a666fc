package cn.dongcheng.platform.credit.grade;

import cn.dongcheng.platform.common.security.CallerContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Credit grades")
public class GradeRecomputationController {

    private final GradeRecomputations recomputations;

    public GradeRecomputationController(GradeRecomputations recomputations) {
        this.recomputations = recomputations;
    }

    @PostMapping("/v1/grade-recomputations")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Recompute every legal person's stored grade", description = "For credit officers and administrators, "
            + "e.g. after a new scorecard version: runs in the background over all records (point in time, search_after, "
            + "bulk writes of 1,000); answers 202 with the recomputation's id; follow its progress with GET. One runs at a "
            + "time: 409 while another does. Audited.")
    public GradeRecomputationView start(CallerContext caller) {
        return recomputations.start(caller);
    }

    @GetMapping("/v1/grade-recomputations/{id}")
    @Operation(summary = "A grade recomputation's progress", description = "State (RUNNING, DONE, FAILED), subjects stored so "
            + "far and subjects per second. Recent runs only: a restart forgets them.")
    public GradeRecomputationView get(@PathVariable String id) {
        return recomputations.get(id);
    }
}
