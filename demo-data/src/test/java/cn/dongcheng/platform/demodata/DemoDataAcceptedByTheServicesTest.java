package cn.dongcheng.platform.demodata;

import cn.dongcheng.platform.common.time.WorkingDayCalendar;
import cn.dongcheng.platform.credit.publication.PublicationRules;
import cn.dongcheng.platform.credit.publication.RecordStatus;
import cn.dongcheng.platform.credit.record.CreditRecordCategory;
import cn.dongcheng.platform.credit.record.CreditRecordDocument;
import cn.dongcheng.platform.credit.record.CreditRecordInput;
import cn.dongcheng.platform.credit.record.CreditRecordValidator;
import cn.dongcheng.platform.credit.record.SubjectType;
import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.population.presence.HourWindow;
import cn.dongcheng.platform.population.presence.HourlyPresence;
import cn.dongcheng.platform.population.presence.MarketShares;
import cn.dongcheng.platform.population.presence.PresenceCountDocument;
import cn.dongcheng.platform.population.presence.PresenceCountLine;
import cn.dongcheng.platform.population.presence.PresenceCountValidator;
import cn.dongcheng.platform.population.presence.PresenceEstimation;
import cn.dongcheng.platform.population.presence.StreetDayNight;
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
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
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

    @Test
    void presenceCountsPassThePopulationServicesValidatorAndGiveTheIntendedDayNightRatios() throws Exception {
        MarketShares shares;
        try (InputStream in = MarketShares.class.getClassLoader().getResourceAsStream("presence/operator-market-shares-v1.json")) {
            shares = MarketShares.load(in);
        }
        // the generator splits devices by the shares the service scales them back with
        assertThat(shares.operators()).containsExactlyInAnyOrderElementsOf(PresenceGenerator.SHARES.keySet());
        PresenceGenerator.SHARES.forEach((operator, share) -> assertThat(shares.shareOf(List.of(operator))).isEqualTo(share));
        List<String> lines = new ArrayList<>();
        new PresenceGenerator(Calibration.load()).generate(SEED + DemoDataCommand.PRESENCE_SEED_OFFSET, lines::add);
        assertThat((long) lines.size()).isBetween((long) (PresenceGenerator.expected() * 0.99), PresenceGenerator.expected() - 1);

        Set<String> keys = new HashSet<>();
        Map<String, Map<LocalDateTime, Map<String, Long>>> byStreet = new HashMap<>();
        for (String line : lines) {
            PresenceCountDocument d = PresenceCountValidator.validate(JSON.readValue(line, PresenceCountLine.class), shares,
                    LocalDateTime.of(2026, 11, 30, 12, 0), "2026-11-30T12:00+08:00");
            assertThat(keys.add(d.id())).as("one line per operator, street and hour: " + d.id()).isTrue();
            byStreet.computeIfAbsent(d.streetCode(), k -> new HashMap<>())
                    .computeIfAbsent(LocalDateTime.parse(d.hour()), k -> new HashMap<>()).put(d.operator(), d.count());
        }
        // read back as the service reads them: calibrated to the census, the day/night ratios are the ones intended
        PresenceEstimation estimation = new PresenceEstimation(shares);
        WorkingDayCalendar calendar = WorkingDayCalendar.mainlandChina();
        Map<DongchengStreet, Double> intended = Map.of(DongchengStreet.JIANGUOMEN, 4.3, DongchengStreet.YONGDINGMENWAI, 1.3,
                DongchengStreet.QIANMEN, 2.05);
        intended.forEach((street, ratio) -> {
            List<HourlyPresence> hours = byStreet.get(street.code()).entrySet().stream()
                    .map(e -> new HourlyPresence(e.getKey(), e.getValue())).toList();
            long residents = Calibration.load().residentsByStreet().get(street.code());
            StreetDayNight figures = estimation.dayNight(street, hours, residents, HourWindow.DAY, HourWindow.NIGHT, calendar::isWorkingDay);
            assertThat(figures.dayNightRatio()).as(street.chineseName()).isBetween(ratio - 0.05, ratio + 0.05);
            assertThat(figures.nightPopulation()).isEqualTo(residents);
            assertThat(figures.calibration().factor()).as("1 / devices per person").isBetween(0.85, 0.89);
        });
    }
}
