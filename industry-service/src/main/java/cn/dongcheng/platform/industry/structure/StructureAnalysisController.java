package cn.dongcheng.platform.industry.structure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Industrial structure", description = "产业结构分析: shares, change, concentration (HHI, CR4, CR10), location quotients")
public class StructureAnalysisController {

    private final StructureAnalysis analysis;

    public StructureAnalysisController(StructureAnalysis analysis) {
        this.analysis = analysis;
    }

    @GetMapping("/v1/structure-analyses")
    @Operation(summary = "The district's industrial structure in a period, beside a comparison period",
            description = "period: a report month (year-to-date figures up to it; 2024-12 is the full year). measure: revenue, "
                    + "tax (VAT payable) or employees. groupBy: section, division or street, or two of them (division,street).")
    public StructureAnalysisResult analyse(@Parameter(example = "2024-12") @RequestParam(required = false) String period,
                                           @Parameter(example = "2023-12") @RequestParam(required = false) String compareTo,
                                           @Parameter(example = "revenue") @RequestParam(required = false) String measure,
                                           @Parameter(example = "section") @RequestParam(required = false) String groupBy,
                                           @RequestParam(required = false) Integer top) {
        return analysis.analyse(StructureQuery.parse(period, compareTo, measure, groupBy, top));
    }
}
