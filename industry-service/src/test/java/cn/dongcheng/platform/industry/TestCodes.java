package cn.dongcheng.platform.industry;

import cn.dongcheng.platform.common.identifier.UnifiedSocialCreditCode;

/**
 * Test data of the industry tests: valid Unified Social Credit Codes made up from a number (91 + 110101 + an
 * organisation code from {@code i}, both checks computed) and monthly report lines.
 */
public final class TestCodes {

    private TestCodes() {
    }

    public static String code(int i) {
        String body = String.format("MA%06d", i);
        String first17 = "91110101" + body + UnifiedSocialCreditCode.organisationCheckCharacter(body);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    /** One NDJSON line of a monthly report: year-to-date revenue and VAT in yuan, employees at the period end. */
    public static String monthlyReport(String code, String period, long revenueYuan, long vatYuan, int employees) {
        return "{\"uscc\":\"" + code + "\",\"period\":\"" + period + "\",\"revenueYtd\":" + revenueYuan + ",\"vatPayableYtd\":" + vatYuan
                + ",\"employeesAtPeriodEnd\":" + employees + "}\n";
    }
}
