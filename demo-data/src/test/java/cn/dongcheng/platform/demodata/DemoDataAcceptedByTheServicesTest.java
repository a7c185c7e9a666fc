package cn.dongcheng.platform.demodata;

import cn.dongcheng.platform.common.time.WorkingDayCalendar;
import cn.dongcheng.platform.credit.publication.PublicationRules;
import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.record.CreditRecordCategory;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;
import cn.dongcheng.platform.credit.record.CreditRecordInput;
import cn.dongcheng.platform.credit.record.CreditRecordValidator;
import cn.dongcheng.platform.credit.record.SubjectType;
import cn.dongcheng.platform.supervision.inspector.InspectorInput;
import cn.dongcheng.platform.supervision.inspector.InspectorValidator;
import cn.dongcheng.platform.supervision.item.InspectionItem;
import cn.dongcheng.platform.supervision.item.InspectionItemValidator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every line the demo data sends is one the services take: read as the service reads it (unknown fields refused) and
 * checked by the service's own validator. A generator drifting from a service's rules would otherwise show only as
 * rejected lines when someone runs {@code ./platform up}.
 */
class DemoDataAcceptedByTheServicesTest {

    private static final long SEED = 20201101;
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static List<String> codes;

    @BeforeAll
    static void enterprises() throws Exception {
        EnterpriseGenerator generator = new EnterpriseGenerator(Calibration.load());
        generator.generate(Scale.SMALL, SEED, line -> { });
        codes = generator.codes();
    }

    @Test
    void creditRecordsPassTheCreditServicesValidator() throws Exception {
        PublicationRules rules;
        try (InputStream in = CreditRecordValidator.class.getClassLoader().getResourceAsStream("credit/publication-rules-v1.json")) {
            rules = PublicationRules.load(in, WorkingDayCalendar.mainlandChina());
        }
        CreditRecordValidator validator = new CreditRecordValidator(rules);
        PersonSample persons = DemoDataCommand.personSample(line -> { });
        new PersonGenerator(Calibration.load()).generate(Scale.SMALL, SEED + DemoDataCommand.PERSON_SEED_OFFSET, persons);
        List<String> lines = new ArrayList<>();
        DemoDataCommand.creditRecords(codes, persons.sampled(), SEED, lines::add);

        assertThat(lines).isNotEmpty();
        Map<SubjectType, Integer> subjects = new EnumMap<>(SubjectType.class);
        Map<CreditRecordCategory, Integer> categories = new EnumMap<>(CreditRecordCategory.class);
        Map<RecordStatus, Integer> statuses = new EnumMap<>(RecordStatus.class);
        Set<String> keys = new HashSet<>();
        for (String line : lines) {
            CreditRecordDocument stored = validator.validate(JSON.readValue(line, CreditRecordInput.class), TODAY, "2026-11-30T12:00+08:00");
            assertThat(keys.add(stored.recordId())).as("one line per department and source id: " + stored.recordId()).isTrue();
            subjects.merge(stored.subjectType(), 1, Integer::sum);
            categories.merge(stored.category(), 1, Integer::sum);
            statuses.merge(RecordStatus.effective(stored.status(), stored.publication(), TODAY), 1, Integer::sum);
        }
        // both kinds of subject, every category, and every status a user meets on the demo's day
        assertThat(subjects).containsOnlyKeys(SubjectType.values());
        assertThat(categories).containsOnlyKeys(CreditRecordCategory.values());
        assertThat(statuses).containsKeys(RecordStatus.PUBLIC, RecordStatus.EXPIRED, RecordStatus.REPAIRED, RecordStatus.UNDER_OBJECTION);
    }

    @Test
    void inspectorsAndItemsPassTheMarketSupervisionServicesValidators() throws Exception {
        List<String> inspectors = new ArrayList<>();
        new SupervisionData().inspectors(codes, SEED + 4, inspectors::add);
        List<String> items = new ArrayList<>();
        new SupervisionData().inspectionItems(items::add);

        assertThat(inspectors).hasSize(SupervisionData.INSPECTORS);
        for (String line : inspectors) {
            InspectorValidator.validate(JSON.readValue(line, InspectorInput.class), "2026-11-30T12:00+08:00");
        }
        for (String line : items) {
            InspectionItemValidator.validate(JSON.readValue(line, InspectionItem.class), "2026-11-30T12:00+08:00");
        }
    }
}
