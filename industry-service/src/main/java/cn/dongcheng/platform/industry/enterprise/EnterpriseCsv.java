package cn.dongcheng.platform.industry.enterprise;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/** CSV lines of the directory export (RFC 4180 quoting; formula-leading cells neutralised for spreadsheets). */
final class EnterpriseCsv {

    static final String HEADER = "统一社会信用代码,名称,曾用名,类型,状态,成立日期,注册资本(元),登记机关,地址,街道,法定代表人,门类,大类,小类,重点企业,包联干部\r\n";

    private EnterpriseCsv() {
    }

    static String row(EnterpriseView e) {
        return Stream.of(e.uscc(), e.name(), e.formerNames() == null ? "" : String.join("；", e.formerNames()), e.entityType(),
                        e.status() == null ? "" : e.status().name(), e.establishedOn() == null ? "" : e.establishedOn().toString(),
                        e.registeredCapital() == null ? "" : e.registeredCapital().toPlainString(), e.registrationAuthority(),
                        e.address(), e.streetCode(), e.legalRepresentative(), e.industrySection(), e.industryDivision(),
                        e.industryClass(), Boolean.TRUE.equals(e.keyEnterprise()) ? "是" : "否", e.responsibleOfficial())
                .map(EnterpriseCsv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

}
