package cn.dongcheng.platform.population.jobs;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.problem.DependencyUnavailableException;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.common.time.CalendarInputs;
import cn.dongcheng.platform.population.client.IndustryStructureClient;
import cn.dongcheng.platform.population.client.StreetEmployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * Jobs–housing balance of a month: residents from this service's register, employees from industry-service. An
 * industry-service that cannot answer (refused connection, timeout, 5xx, open circuit) degrades the answer to the
 * residents part instead of failing it; a refusal of the caller there stays the caller's 403.
 */
@Service
public class JobsHousingService {

    private static final Logger log = LoggerFactory.getLogger(JobsHousingService.class);

    private final WorkingAgeResidents residents;
    private final IndustryStructureClient industry;

    public JobsHousingService(WorkingAgeResidents residents, IndustryStructureClient industry) {
        this.residents = residents;
        this.industry = industry;
    }

    public JobsHousingView balance(String month, String street) {
        YearMonth period = CalendarInputs.month("month", month);
        if (period == null) {
            throw new InvalidInputException("month", "is required, a report month like 2024-12");
        }
        if (street != null && DongchengStreet.byCode(street).isEmpty()) {
            throw new InvalidInputException("street", "must be one of the 17 street codes 110101001–110101017");
        }
        LocalDate asOf = period.atEndOfMonth();
        Map<String, WorkingAge> workingAge = residents.byStreet(asOf);
        Map<String, Long> employees = null;
        String reason = null;
        try {
            employees = employeesByStreet(industry.employeesByStreet(period.toString()));
        } catch (DependencyUnavailableException e) {
            log.warn("jobs-housing balance for {} without employment: {}", period, e.getMessage());
            reason = e.getMessage();
        }
        return JobsHousingBalance.of(period.toString(), asOf, workingAge, employees, street, reason);
    }

    private static Map<String, Long> employeesByStreet(StreetEmployment figures) {
        Map<String, Long> out = new HashMap<>();
        if (figures.groups() != null) {
            figures.groups().forEach(g -> out.put(g.key(), g.totals().employees()));
        }
        return out;
    }
}
