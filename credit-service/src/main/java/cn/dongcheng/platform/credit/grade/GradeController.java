package cn.dongcheng.platform.credit.grade;

import cn.dongcheng.platform.common.security.CallerContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@Tag(name = "Credit grades", description = "信用评价: grades that explain themselves, and SAMR risk classes for supervision")
public class GradeController {

    private final Grades grades;

    public GradeController(Grades grades) {
        this.grades = grades;
    }

    @GetMapping("/v1/subjects/{uscc}/grade")
    @Operation(summary = "A legal person's credit grade with its explanation", description = "Computed when asked from the "
            + "records inside their publication window on asOf (default today, Beijing): score 0–1000 over five dimensions "
            + "(遵纪守法, 履约践诺, 资质荣誉, 社会责任, 监管风险), grade A–D and the SAMR risk class A (low) – D (high). Every "
            + "record and the points it gave are listed per dimension with the scorecard version; the lines add up to the "
            + "score. A code with no record in force gets the baseline (800, grade B, risk class A).")
    public SubjectGradeView legalPerson(@Parameter(example = "91110000802100433B") @PathVariable String uscc,
                                        @RequestParam(required = false) LocalDate asOf) {
        return grades.legalPerson(uscc, asOf);
    }

    @PostMapping("/v1/persons:grade")
    @Operation(summary = "A natural person's credit grade by name and ID number", description = "Both in the body, both "
            + "must match exactly; the ID number and name are masked unless the role may see them. Computed from the "
            + "person's records in their publication window on asOf. Always audited.")
    public SubjectGradeView naturalPerson(@RequestBody(required = false) PersonGradeRequest body, CallerContext caller) {
        return grades.naturalPerson(body, caller);
    }

    @PostMapping("/v1/risk-classes:batch")
    @Operation(summary = "SAMR credit-risk classes for up to 10,000 codes", description = "For market-supervision-service "
            + "(双随机 spot-check planning), regulators and credit officers: each distinct code's risk class, grade, score "
            + "and the number of records in force, with the scorecard version. An invalid code is a 400 naming it and the "
            + "check that failed; more than 10,000 codes a 413. A code with no record in force gets the baseline.")
    public RiskClassAnswer riskClasses(@RequestBody(required = false) RiskClassBatch body) {
        return grades.riskClasses(body);
    }
}
