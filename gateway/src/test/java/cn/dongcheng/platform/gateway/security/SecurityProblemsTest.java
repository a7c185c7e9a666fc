package cn.dongcheng.platform.gateway.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the gateway writes into its audit trail about a refused request's path: where it went, nothing a client wrote. */
class SecurityProblemsTest {

    @Test
    void theAuditNamesTheAreaOfThePathAndNeverTheRestOfIt() {
        assertThat(SecurityProblems.area("/api/population/v1/persons/11010519491231002X")).isEqualTo("/api/population/**");
        assertThat(SecurityProblems.area("/api/industry/v1/enterprises/91110000802100433B")).isEqualTo("/api/industry/**");
        assertThat(SecurityProblems.area("/actuator/metrics/jvm.memory.used")).isEqualTo("/actuator/**");
        assertThat(SecurityProblems.area("/11010519491231002X")).isEqualTo("/**");
        assertThat(SecurityProblems.area("/api/11010519491231002X/x")).isEqualTo("/api/**");
        assertThat(SecurityProblems.area("/")).isEqualTo("/**");
    }
}
