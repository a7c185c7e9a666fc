package cn.dongcheng.platform.credit.sanction;

import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.record.CreditRecordCategory;
import cn.dongcheng.platform.credit.record.SubjectType;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer of a check (信用核查结果): the rule version and the date the lists were read as of, the moment of the
 * check, and one result per subject in the order sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SanctionCheckView(String scenario, String scenarioName, String scenarioNote, String ruleVersion, LocalDate asOf,
                                String checkedAt, int subjects, int hits, List<SubjectResult> results) {

    /**
     * One subject: {@code hit} when it is on at least one list in force; the entries; the measures that apply in the
     * scenario (may be empty for a hit: not every list bites in every scenario). A natural person's number and name
     * are masked unless the caller may see them ({@code masked}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubjectResult(int index, SubjectType subjectType, String uscc, String idNumber, String name, Boolean masked,
                                boolean hit, List<ListEntry> lists, List<SanctionMeasure> measures) {
    }

    /**
     * An entry in force: which list, the department's record id and decision, and {@code until}, the end of its
     * publication where one is set (null: until the department records an exit). {@code status} as of the date asked.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListEntry(CreditRecordCategory list, String listName, String recordId, String decisionNumber,
                            LocalDate decisionDate, String authority, LocalDate until, RecordStatus status) {
    }
}
