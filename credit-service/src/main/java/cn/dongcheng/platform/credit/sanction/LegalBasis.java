package cn.dongcheng.platform.credit.sanction;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One document a measure rests on (法律依据), as the rule file cites it. {@code verified} false: the number, article or
 * wording was not checked against the published text when the file was written — the answer says so rather than
 * passing a guess off as a citation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LegalBasis(String source, String document, String number, boolean verified, String note) {
}
