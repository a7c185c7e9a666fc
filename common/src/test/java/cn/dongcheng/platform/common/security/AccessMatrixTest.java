package cn.dongcheng.platform.common.security;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessMatrixTest {

    private static final String HEADER = "method path PUBLIC CITIZEN ENTERPRISE STATISTICIAN INDUSTRY_OFFICER REGULATOR INSPECTOR "
            + "CREDIT_OFFICER DATA_STEWARD AUDITOR ADMINISTRATOR SERVICE\n";

    private static AccessMatrix parse(String text) throws IOException {
        return AccessMatrix.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
    }

    @Test
    void aRequestIsDecidedByItsMostSpecificRowAndTheMostGenerousOfTheCallersRoles() throws IOException {
        AccessMatrix matrix = parse("# comment\n" + HEADER
                + "GET /v1/persons/{id}  masked masked masked allow deny deny deny deny deny deny deny deny\n"
                + "GET /v1/persons/me    deny   own    deny   deny  deny deny deny deny deny deny deny deny\n");

        assertThat(matrix.decide("GET", "/v1/persons/me", Set.of(CallerRole.CITIZEN))).isEqualTo(Access.OWN);
        assertThat(matrix.decide("GET", "/v1/persons/me", Set.of(CallerRole.STATISTICIAN))).isEqualTo(Access.DENY);
        assertThat(matrix.decide("GET", "/v1/persons/42", Set.of(CallerRole.PUBLIC))).isEqualTo(Access.MASKED);
        assertThat(matrix.decide("GET", "/v1/persons/42", Set.of(CallerRole.REGULATOR, CallerRole.STATISTICIAN))).isEqualTo(Access.ALLOW);
        assertThat(matrix.decide("HEAD", "/v1/persons/42", Set.of(CallerRole.STATISTICIAN))).isEqualTo(Access.ALLOW);
        assertThat(matrix.decide("DELETE", "/v1/persons/42", Set.of(CallerRole.STATISTICIAN))).isEqualTo(Access.DENY);
        assertThat(matrix.decide("GET", "/v1/unknown", Set.of(CallerRole.STATISTICIAN))).isEqualTo(Access.DENY);
    }

    @Test
    void severalRolesGetWhatEachOfThemMayDo() {
        assertThat(Access.OWN.or(Access.MASKED)).isEqualTo(Access.OWN_ELSE_MASKED);
        assertThat(Access.MASKED.or(Access.OWN)).isEqualTo(Access.OWN_ELSE_MASKED);
        assertThat(Access.MASKED.or(Access.OWN_ELSE_MASKED)).isEqualTo(Access.OWN_ELSE_MASKED);
        assertThat(Access.OWN.or(Access.OWN_ELSE_MASKED)).isEqualTo(Access.OWN_ELSE_MASKED);
        assertThat(Access.OWN.or(Access.DENY)).isEqualTo(Access.OWN);
        assertThat(Access.DENY.or(Access.MASKED)).isEqualTo(Access.MASKED);
        assertThat(Access.OWN_ELSE_MASKED.or(Access.ALLOW)).isEqualTo(Access.ALLOW);
        assertThat(Access.DENY.or(Access.DENY)).isEqualTo(Access.DENY);
    }

    @Test
    void theHeaderMustNameEveryRoleAndEveryCellMustBeKnown() {
        assertThatThrownBy(() -> parse("method path PUBLIC CITIZEN\nGET /x allow allow\n"))
                .hasMessageContaining("every role");
        assertThatThrownBy(() -> parse(HEADER + "GET /x allow allow allow allow allow allow allow allow allow allow allow maybe\n"))
                .hasMessageContaining("unknown access 'maybe'");
        assertThatThrownBy(() -> parse(HEADER + "GET /x allow allow\n")).hasMessageContaining("12 cells");
        assertThatThrownBy(() -> parse(HEADER + "GET /x own allow allow allow allow allow allow allow allow allow allow allow\n"))
                .hasMessageContaining("no subject of its own");
    }

    @Test
    void anEndpointWrittenTwiceIsRefused() throws IOException {
        AccessMatrix one = parse(HEADER + "GET /x allow allow allow allow allow allow allow allow allow allow allow allow\n");
        assertThatThrownBy(() -> one.with(one)).hasMessageContaining("GET /x has two rows");
    }

    @Test
    void everyServiceMatrixOnTheClassPathParses() {
        // the common rows ship in this library; each service adds its own file
        assertThat(AccessMatrix.load(AccessMatrix.COMMON).rows()).extracting(AccessMatrix.Row::endpoint)
                .contains("GET /actuator/health/**", "GET /v1/audit-entries");
    }
}
