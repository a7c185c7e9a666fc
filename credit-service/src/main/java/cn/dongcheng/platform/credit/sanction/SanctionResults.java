package cn.dongcheng.platform.credit.sanction;

import cn.dongcheng.platform.common.identifier.PersonalDataMasking;
import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.record.CreditRecordCategory;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;
import cn.dongcheng.platform.credit.record.SubjectType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Turns the entries found for a batch into one result per subject: lists, measures in the scenario, masking. */
final class SanctionResults {

    private static final Comparator<CreditRecordDocument> ENTRY_ORDER = Comparator
            .comparing(CreditRecordDocument::category).thenComparing(CreditRecordDocument::decisionDate).thenComparing(CreditRecordDocument::recordId);

    private SanctionResults() {
    }

    /**
     * @param entries  the list entries in force on {@code asOf} of the batch's subjects (any order)
     * @param unmasked whether a natural person with this ID number may be shown in full
     */
    static List<SanctionCheckView.SubjectResult> of(List<CheckedSubject> subjects, List<CreditRecordDocument> entries,
                                                    SanctionRules rules, SanctionRules.Scenario scenario, LocalDate asOf,
                                                    Predicate<String> unmasked) {
        Map<String, List<CreditRecordDocument>> bySubject = new HashMap<>();
        for (CreditRecordDocument e : entries) {
            bySubject.computeIfAbsent(key(e.uscc() != null ? SubjectType.LEGAL_PERSON : SubjectType.NATURAL_PERSON, e.subjectId()), k -> new ArrayList<>()).add(e);
        }
        bySubject.values().forEach(list -> list.sort(ENTRY_ORDER));
        List<SanctionCheckView.SubjectResult> results = new ArrayList<>(subjects.size());
        for (CheckedSubject s : subjects) {
            List<CreditRecordDocument> found = bySubject.getOrDefault(key(s.type(), s.key()), List.of());
            Set<CreditRecordCategory> lists = EnumSet.noneOf(CreditRecordCategory.class);
            List<SanctionCheckView.ListEntry> shown = new ArrayList<>(found.size());
            for (CreditRecordDocument e : found) {
                lists.add(e.category());
                shown.add(new SanctionCheckView.ListEntry(e.category(), rules.listName(e.category()), e.recordId(),
                        e.decisionNumber(), e.decisionDate(), e.authority(),
                        e.publication() == null ? null : e.publication().latestEnd(), statusOn(e, asOf)));
            }
            String name = found.stream().map(CreditRecordDocument::subjectName).filter(n -> n != null).findFirst().orElse(null);
            List<SanctionMeasure> measures = rules.measures(scenario, s.type(), lists);
            if (s.type() == SubjectType.LEGAL_PERSON) {
                results.add(new SanctionCheckView.SubjectResult(s.index(), s.type(), s.key(), null, name, null,
                        !found.isEmpty(), shown, measures));
            } else {
                boolean full = unmasked.test(s.key());
                results.add(new SanctionCheckView.SubjectResult(s.index(), s.type(), null,
                        full ? s.key() : PersonalDataMasking.idNumber(s.key()),
                        full || name == null ? name : PersonalDataMasking.name(name), !full, !found.isEmpty(), shown, measures));
            }
        }
        return results;
    }

    /** The status the entry had on {@code asOf}: a repair, revocation or objection recorded later had not happened yet. */
    static RecordStatus statusOn(CreditRecordDocument e, LocalDate asOf) {
        RecordStatus stored = e.status() == null ? RecordStatus.PUBLIC : e.status();
        if (stored != RecordStatus.PUBLIC && e.statusDate() != null && e.statusDate().isAfter(asOf)) {
            return RecordStatus.PUBLIC;
        }
        return stored;
    }

    /** The kind keeps a code and an ID number apart even if both were all digits. */
    private static String key(SubjectType type, String id) {
        return type.name() + ":" + id;
    }
}
