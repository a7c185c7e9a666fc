package cn.dongcheng.platform.population.jobs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Jobs–housing balance", description = "职住比: employees working in a street against working-age residents living there")
public class JobsHousingController {

    private final JobsHousingService service;

    public JobsHousingController(JobsHousingService service) {
        this.service = service;
    }

    @GetMapping("/v1/jobs-housing-balance")
    @Operation(summary = "Jobs per working-age resident by street and for the district in a report month",
            description = "Employees from industry-service's monthly reports (at the month's end), working-age residents "
                    + "(15–64 and 15–59) from the register on the month's last day. When industry-service is unavailable the "
                    + "answer keeps the residents part with employment UNAVAILABLE and the reason.")
    public JobsHousingView balance(@Parameter(example = "2024-12") @RequestParam(required = false) String month,
                                   @Parameter(example = "110101006") @RequestParam(required = false) String street) {
        return service.balance(month, street);
    }
}
