package cn.dongcheng.platform.population.jobs;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ratios against hand-computed values. 东四 (110101006): 1,000 employees, 400 aged 15–64, 320 aged 15–59;
 * 朝阳门 (110101007): 150 / 300 / 250; 建国门 (110101008): 500 employees, no residents; 400 employees outside the streets.
 */
class JobsHousingBalanceTest {

    static final String DONGSI = "110101006";
    static final String CHAOYANGMEN = "110101007";
    static final String JIANGUOMEN = "110101008";
    static final LocalDate END = LocalDate.of(2024, 12, 31);
    static final Map<String, WorkingAge> RESIDENTS = Map.of(DONGSI, new WorkingAge(400, 320), CHAOYANGMEN, new WorkingAge(300, 250));
    static final Map<String, Long> EMPLOYEES = Map.of(DONGSI, 1_000L, CHAOYANGMEN, 150L, JIANGUOMEN, 500L, "迁出/区外", 400L);

    static StreetBalance street(JobsHousingView view, String code) {
        return view.streets().stream().filter(s -> s.streetCode().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void jobsPerWorkingAgeResidentByStreetAndForTheDistrict() {
        JobsHousingView v = JobsHousingBalance.of("2024-12", END, RESIDENTS, EMPLOYEES, null, null);

        assertThat(v.employment()).isEqualTo(JobsHousingView.Employment.AVAILABLE);
        assertThat(v.streets()).hasSize(17);
        assertThat(street(v, DONGSI)).isEqualTo(new StreetBalance(DONGSI, "东四街道", 1_000L, 400, 320, 2.5, 3.125));
        assertThat(street(v, CHAOYANGMEN)).isEqualTo(new StreetBalance(CHAOYANGMEN, "朝阳门街道", 150L, 300, 250, 0.5, 0.6));
        // jobs but no working-age residents: no ratio rather than infinity
        assertThat(street(v, JIANGUOMEN)).isEqualTo(new StreetBalance(JIANGUOMEN, "建国门街道", 500L, 0, 0, null, null));
        assertThat(street(v, "110101001").employees()).isZero();
        // 1,650 employees in the streets (the 400 outside them count nowhere); 1,650 / 700 = 2.3571…, 1,650 / 570 = 2.8947…
        assertThat(v.district()).isEqualTo(new StreetBalance("110101", "东城区", 1_650L, 700, 570, 2.357, 2.895));
    }

    @Test
    void oneStreetListedWithTheWholeDistrictBeside() {
        JobsHousingView v = JobsHousingBalance.of("2024-12", END, RESIDENTS, EMPLOYEES, CHAOYANGMEN, null);

        assertThat(v.streets()).extracting(StreetBalance::streetCode).containsExactly(CHAOYANGMEN);
        assertThat(v.district().employees()).isEqualTo(1_650L);
    }

    @Test
    void withoutEmploymentTheResidentsPartStandsAndNoRatioIsMadeUp() {
        JobsHousingView v = JobsHousingBalance.of("2024-12", END, RESIDENTS, null, null, "industry-service is unavailable: answered 503");

        assertThat(v.employment()).isEqualTo(JobsHousingView.Employment.UNAVAILABLE);
        assertThat(v.employmentReason()).isEqualTo("industry-service is unavailable: answered 503");
        assertThat(street(v, DONGSI)).isEqualTo(new StreetBalance(DONGSI, "东四街道", null, 400, 320, null, null));
        assertThat(v.district()).isEqualTo(new StreetBalance("110101", "东城区", null, 700, 570, null, null));
    }
}
