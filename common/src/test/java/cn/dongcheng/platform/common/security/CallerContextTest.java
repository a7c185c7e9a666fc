package cn.dongcheng.platform.common.security;

import cn.dongcheng.platform.common.problem.ForbiddenException;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerContextTest {

    private static CallerContext enterprise(Access access) {
        return new CallerContext("acme", Set.of(CallerRole.ENTERPRISE), "91110101MA01ABCD1X", access);
    }

    @Test
    void ownCellsShowTheCallersOwnSubjectInFullAndRefuseOrMaskOthers() {
        assertThat(enterprise(Access.OWN).mayReadUnmasked("91110101MA01ABCD1X")).isTrue();
        assertThatThrownBy(() -> enterprise(Access.OWN).requireAllowedFor("91110000802100433B"))
                .isInstanceOf(ForbiddenException.class);
        enterprise(Access.OWN_ELSE_MASKED).requireAllowedFor("91110000802100433B");
        assertThat(enterprise(Access.OWN_ELSE_MASKED).mayReadUnmasked("91110000802100433B")).isFalse();
        assertThat(enterprise(Access.OWN_ELSE_MASKED).mayReadUnmasked("91110101MA01ABCD1X")).isTrue();
        // a list belongs to no one subject: full only where the cell is allow
        assertThat(enterprise(Access.OWN_ELSE_MASKED).mayReadUnmasked()).isFalse();
        assertThat(enterprise(Access.ALLOW).mayReadUnmasked()).isTrue();
        assertThat(enterprise(Access.MASKED).mayReadUnmasked("91110101MA01ABCD1X")).isFalse();
    }

    @Test
    void aCallerWithoutASubjectOwnsNothing() {
        CallerContext officer = new CallerContext("officer", Set.of(CallerRole.STATISTICIAN), null, Access.OWN);
        assertThat(officer.isSubject(null)).isFalse();
        assertThatThrownBy(() -> officer.requireAllowedFor("x")).isInstanceOf(ForbiddenException.class);
    }
}
