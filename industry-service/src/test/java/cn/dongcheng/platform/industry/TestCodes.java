package cn.dongcheng.platform.industry;

import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;

/** Valid Unified Social Credit Codes made up for tests: 91 + 110101 + an organisation code from {@code i}, both checks computed. */
public final class TestCodes {

    private TestCodes() {
    }

    public static String code(int i) {
        String body = String.format("MA%06d", i);
        String first17 = "91110101" + body + UnifiedSocialCreditCode.organisationCheckCharacter(body);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }
}
