package cn.dongcheng.platform.population.statistics;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.population.person.PersonRegistry;
import cn.dongcheng.platform.population.person.ResidenceType;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.DateRangeExpression;
import co.elastic.clients.elasticsearch._types.aggregations.RangeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;
import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/**
 * Counts of the resident population by sex, residence type, broad age group and street, computed by Elasticsearch
 * aggregations over the register (ages at the {@code asOf} date from birth dates). Aggregates only: no person leaves.
 */
@Service
public class PopulationStatistics {

    private final ElasticsearchClient client;
    private final PersonRegistry registry;
    private final Clock clock;

    public PopulationStatistics(ElasticsearchClient client, PersonRegistry registry, Clock clock) {
        this.client = client;
        this.registry = registry;
        this.clock = clock;
    }

    public PopulationSummary summary(String streetCode, LocalDate asOf) {
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        if (streetCode != null && DongchengStreet.byCode(streetCode).isEmpty()) {
            throw new InvalidInputException("streetCode", "must be one of the 17 street codes 110101001–110101017");
        }
        List<Query> filter = residentsOn(date);
        if (streetCode != null) {
            filter.add(term("streetCode", streetCode));
        }
        Map<String, Aggregation> aggs = Map.of(
                "sex", Aggregation.of(a -> a.terms(t -> t.field("sex"))),
                "type", Aggregation.of(a -> a.terms(t -> t.field("residenceType"))),
                "street", Aggregation.of(a -> a.terms(t -> t.field("streetCode").size(20))),
                "age", broadAgeGroups(date));

        SearchResponse<Void> result = call(() -> client.search(s -> s.index(registry.alias()).size(0)
                .trackTotalHits(t -> t.enabled(true)).query(allOf(filter)).aggregations(aggs), Void.class));
        Map<String, Aggregate> a = result.aggregations();
        Map<String, Long> sex = buckets(a.get("sex"));
        Map<String, Long> age = new LinkedHashMap<>();
        for (RangeBucket b : a.get("age").dateRange().buckets().array()) {
            age.put(b.key(), b.docCount());
        }
        List<PopulationSummary.StreetCount> streets = new ArrayList<>();
        buckets(a.get("street")).forEach((code, n) -> streets.add(new PopulationSummary.StreetCount(code,
                DongchengStreet.byCode(code).map(DongchengStreet::chineseName).orElse(code), n)));
        streets.sort((x, y) -> x.streetCode().compareTo(y.streetCode()));
        AgeStructure structure = new AgeStructure(result.hits().total() == null ? 0 : result.hits().total().value(),
                sex.getOrDefault("MALE", 0L), sex.getOrDefault("FEMALE", 0L), age.getOrDefault("0-14", 0L),
                age.getOrDefault("15-59", 0L), age.getOrDefault("15-64", 0L), age.getOrDefault("60+", 0L), age.getOrDefault("65+", 0L));
        return PopulationSummary.of(date, streetCode, buckets(a.get("type")), structure, streets);
    }

    /**
     * The broad age groups on {@code date} by birth date, keyed 0-14, 15-59, 15-64, 60+ and 65+ (both dependency
     * conventions), as one date-range aggregation.
     */
    public static Aggregation broadAgeGroups(LocalDate date) {
        // age >= x  <=>  birthDate <= date - x years ; "to" is exclusive, hence the extra day
        String under15 = date.minusYears(15).plusDays(1).toString();
        String under60 = date.minusYears(60).plusDays(1).toString();
        String under65 = date.minusYears(65).plusDays(1).toString();
        List<DateRangeExpression> ages = List.of(
                DateRangeExpression.of(r -> r.key("0-14").from(f -> f.expr(under15))),
                DateRangeExpression.of(r -> r.key("15-59").from(f -> f.expr(under60)).to(f -> f.expr(under15))),
                DateRangeExpression.of(r -> r.key("15-64").from(f -> f.expr(under65)).to(f -> f.expr(under15))),
                DateRangeExpression.of(r -> r.key("60+").to(f -> f.expr(under60))),
                DateRangeExpression.of(r -> r.key("65+").to(f -> f.expr(under65))));
        return Aggregation.of(a -> a.dateRange(r -> r.field("birthDate").format("yyyy-MM-dd").ranges(ages)));
    }

    /** Filters for the residents (常住: registered or floating residents) born by {@code date}; a list to add to. */
    public static List<Query> residentsOn(LocalDate date) {
        List<FieldValue> residents = Stream.of(ResidenceType.values()).filter(ResidenceType::resident)
                .map(t -> FieldValue.of(t.name())).toList();
        List<Query> filter = new ArrayList<>();
        filter.add(Query.of(q -> q.terms(t -> t.field("residenceType").terms(v -> v.value(residents)))));
        filter.add(Query.of(q -> q.range(r -> r.date(d -> d.field("birthDate").lte(date.toString())))));
        return filter;
    }

    /** Counts by keyword value, as Elasticsearch orders them. */
    private static Map<String, Long> buckets(Aggregate terms) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (StringTermsBucket b : terms.sterms().buckets().array()) {
            out.put(b.key().stringValue(), b.docCount());
        }
        return out;
    }
}
