package cn.dongcheng.platform.population.projection;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.identifier.ResidentIdNumber;
import cn.dongcheng.platform.population.person.PersonRegistry;
import cn.dongcheng.platform.population.person.Sex;
import cn.dongcheng.platform.population.statistics.PopulationStatistics;
import cn.dongcheng.platform.testing.ApiClient;
import cn.dongcheng.platform.testing.ElasticsearchIntegrationTest;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.DateRangeExpression;
import co.elastic.clients.elasticsearch._types.aggregations.RangeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;
import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base population as {@link RecordedPopulation} counts it (one search per sex on one point in time) equals, cell by
 * cell, both the single street → sex → age aggregation it replaced and the ages java.time gives each person — on
 * counting days around 29 February and on birthdays, with persons born on 29 February, on the counting day itself,
 * the day after it, exactly 100 years before it, and residents of no street the validator knows not at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordedPopulationIT extends ElasticsearchIntegrationTest {

    /** Counting days: leap and common years around 29 February, census days, a day someone is born and turns 100. */
    static final List<LocalDate> DAYS = List.of(LocalDate.of(2024, 2, 28), LocalDate.of(2024, 2, 29),
            LocalDate.of(2024, 3, 1), LocalDate.of(2023, 2, 28), LocalDate.of(2023, 3, 1), LocalDate.of(2020, 11, 1),
            LocalDate.of(2023, 11, 1), LocalDate.of(2025, 2, 28), LocalDate.of(2028, 2, 29));

    record Person(String idNumber, LocalDate birthDate, Sex sex, String streetCode, String residenceType) {
    }

    @LocalServerPort
    int port;
    @Autowired
    RecordedPopulation recorded;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    PersonRegistry registry;

    private final List<Person> persons = new ArrayList<>();

    private void person(String birth, Sex sex, DongchengStreet street, String type) {
        int n = persons.size();
        String first17 = "110101" + birth.replace("-", "") + String.format("%02d", n % 100) + (sex == Sex.MALE ? "1" : "2");
        persons.add(new Person(first17 + ResidentIdNumber.checkCharacter(first17), LocalDate.parse(birth), sex,
                street.code(), type));
    }

    @BeforeEach
    void load() {
        String resident = "REGISTERED_RESIDENT";
        String[] births = {"2000-02-29", "2004-02-29", "1924-02-29", "2024-02-29", "2000-02-28", "2000-03-01",
                "2023-02-28", "2023-03-01", "2024-03-01", "2020-11-01", "2020-11-02", "2023-11-01", "1923-11-01",
                "1923-11-02", "1920-01-01", "1928-02-29", "1985-06-15", "2025-02-28", "2025-03-01"};
        DongchengStreet[] streets = {DongchengStreet.DONGHUAMEN, DongchengStreet.DONGSI, DongchengStreet.YONGDINGMENWAI};
        for (int i = 0; i < births.length; i++) {
            for (Sex sex : Sex.values()) {
                person(births[i], sex, streets[(i + sex.ordinal()) % streets.length], i % 4 == 3 ? "FLOATING_RESIDENT" : resident);
            }
        }
        person("1990-02-28", Sex.FEMALE, DongchengStreet.DONGSI, "REGISTERED_AWAY"); // lives elsewhere: never counted
        person("1960-02-29", Sex.MALE, DongchengStreet.JINGSHAN, "REGISTERED_AWAY");
        StringBuilder ndjson = new StringBuilder();
        for (Person p : persons) {
            ndjson.append("{\"idNumber\":\"").append(p.idNumber()).append("\",\"name\":\"某人\",\"streetCode\":\"")
                    .append(p.streetCode()).append("\",\"residenceType\":\"").append(p.residenceType()).append("\"}\n");
        }
        HttpResponse<String> r = new ApiClient(port).postNdjson("/v1/persons:bulk?refresh=true", ndjson.toString(), "DATA_STEWARD");
        assertThat(ApiClient.json(r).path("accepted").asInt()).as(r.body()).isEqualTo(persons.size());
    }

    @Test
    void everyCellEqualsThePreviousAggregationAndTheAgesJavaTimeGives() {
        for (AgeGroups groups : List.of(new AgeGroups(1, 100), new AgeGroups(5, 85), new AgeGroups(1, 20))) {
            for (LocalDate day : DAYS) {
                Map<String, BySex> counted = recorded.byStreet(groups, day);
                String where = groups + " on " + day;
                assertThat(cells(counted)).as(where + ": as the single aggregation counted").isEqualTo(cells(previous(groups, day)));
                assertThat(cells(counted)).as(where + ": as java.time ages them").isEqualTo(cells(byJavaTime(groups, day)));
            }
        }
    }

    @Test
    void leapDayBirthsTurnOlderOnTheFirstOfMarchInCommonYears() {
        AgeGroups single = new AgeGroups(1, 100);
        // born 2000-02-29, male, 东华门: 22 on 2023-02-28, 23 from 2023-03-01; 24 on 2024-02-29
        assertThat(recorded.byStreet(single, LocalDate.of(2023, 2, 28)).get("110101001").male()[22]).isEqualTo(1);
        assertThat(recorded.byStreet(single, LocalDate.of(2023, 3, 1)).get("110101001").male()[23]).isEqualTo(1);
        assertThat(recorded.byStreet(single, LocalDate.of(2024, 2, 29)).get("110101001").male()[24]).isEqualTo(1);
        // born on the counting day: age 0 that day; born the day after: not yet counted
        assertThat(recorded.byStreet(single, LocalDate.of(2024, 2, 29)).get("110101001").male()[0]).isEqualTo(1);
        double newborns = 0;
        for (BySex street : recorded.byStreet(single, LocalDate.of(2020, 11, 1)).values()) {
            newborns += street.male()[0] + street.female()[0];
        }
        assertThat(newborns).as("born 2020-11-01 (two), not 2020-11-02").isEqualTo(2);
    }

    /** Street → sex → group → count, the streets no one lives in left out. */
    private static Map<String, Map<String, List<Long>>> cells(Map<String, BySex> byStreet) {
        Map<String, Map<String, List<Long>>> out = new LinkedHashMap<>();
        byStreet.forEach((street, counts) -> {
            if (counts.total() > 0) {
                out.put(street, Map.of("MALE", longs(counts.male()), "FEMALE", longs(counts.female())));
            }
        });
        return out;
    }

    private static List<Long> longs(double[] values) {
        List<Long> out = new ArrayList<>();
        for (double v : values) {
            out.add(Math.round(v));
        }
        return out;
    }

    /** Each resident born on or before the day, in the group of the whole years {@link Period} gives. */
    private Map<String, BySex> byJavaTime(AgeGroups groups, LocalDate day) {
        Map<String, BySex> out = new LinkedHashMap<>();
        for (Person p : persons) {
            if (p.residenceType().equals("REGISTERED_AWAY") || p.birthDate().isAfter(day)) {
                continue;
            }
            int group = Math.min(Period.between(p.birthDate(), day).getYears() / groups.width(), groups.last());
            BySex counts = out.computeIfAbsent(p.streetCode(), s -> BySex.zeros(groups.count()));
            (p.sex() == Sex.FEMALE ? counts.female() : counts.male())[group]++;
        }
        return out;
    }

    /** The aggregation the service sent before (street → sex → birth-date ranges in one search), as it was. */
    private Map<String, BySex> previous(AgeGroups groups, LocalDate day) {
        int k = groups.count();
        List<DateRangeExpression> ranges = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            String key = Integer.toString(i);
            String to = day.minusYears(groups.startAge(i)).plusDays(1).toString();
            String from = day.minusYears(groups.startAge(i) + (long) groups.width()).plusDays(1).toString();
            ranges.add(i < k - 1 ? DateRangeExpression.of(r -> r.key(key).from(f -> f.expr(from)).to(t -> t.expr(to)))
                    : DateRangeExpression.of(r -> r.key(key).to(t -> t.expr(to))));
        }
        Aggregation ages = Aggregation.of(a -> a.dateRange(r -> r.field("birthDate").format("yyyy-MM-dd").ranges(ranges)));
        Aggregation sexes = Aggregation.of(a -> a.terms(t -> t.field("sex").size(2)).aggregations("age", ages));
        Aggregation streets = Aggregation.of(a -> a.terms(t -> t.field("streetCode").size(DongchengStreet.values().length))
                .aggregations("sex", sexes));
        SearchResponse<Void> result = call(() -> client.search(s -> s.index(registry.alias()).size(0)
                .query(allOf(PopulationStatistics.residentsOn(day))).aggregations("street", streets), Void.class));
        Map<String, BySex> out = new LinkedHashMap<>();
        for (StringTermsBucket street : result.aggregations().get("street").sterms().buckets().array()) {
            BySex counts = out.computeIfAbsent(street.key().stringValue(), s -> BySex.zeros(k));
            for (StringTermsBucket sex : street.aggregations().get("sex").sterms().buckets().array()) {
                double[] target = Sex.FEMALE.name().equals(sex.key().stringValue()) ? counts.female() : counts.male();
                for (RangeBucket age : sex.aggregations().get("age").dateRange().buckets().array()) {
                    target[Integer.parseInt(age.key())] = age.docCount();
                }
            }
        }
        return out;
    }
}
