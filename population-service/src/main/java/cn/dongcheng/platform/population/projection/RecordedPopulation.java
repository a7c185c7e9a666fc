package cn.dongcheng.platform.population.projection;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.population.person.PersonRegistry;
import cn.dongcheng.platform.population.person.Sex;
import cn.dongcheng.platform.population.statistics.PopulationStatistics;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.DateRangeExpression;
import co.elastic.clients.elasticsearch._types.aggregations.RangeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;
import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;

/**
 * The base population (基期人口) by street, sex and age group, counted in the register on a date: one
 * aggregation (street → sex → birth-date ranges), ages from birth dates as the population summaries count them.
 * Counts only; no person leaves Elasticsearch.
 */
@Service
public class RecordedPopulation {

    private final ElasticsearchClient client;
    private final PersonRegistry registry;

    public RecordedPopulation(ElasticsearchClient client, PersonRegistry registry) {
        this.client = client;
        this.registry = registry;
    }

    /** Residents on {@code asOf} by street code (every street, zero vectors where no one is registered). */
    public Map<String, BySex> byStreet(AgeGroups groups, LocalDate asOf) {
        int k = groups.count();
        // age in [x, x+n)  <=>  asOf − (x+n) years < birthDate <= asOf − x years; "to" is exclusive, hence +1 day
        List<DateRangeExpression> ranges = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            String key = Integer.toString(i);
            String to = asOf.minusYears(groups.startAge(i)).plusDays(1).toString();
            String from = asOf.minusYears(groups.startAge(i) + (long) groups.width()).plusDays(1).toString();
            ranges.add(i < k - 1 ? DateRangeExpression.of(r -> r.key(key).from(f -> f.expr(from)).to(t -> t.expr(to)))
                    : DateRangeExpression.of(r -> r.key(key).to(t -> t.expr(to))));
        }
        Aggregation ages = Aggregation.of(a -> a.dateRange(r -> r.field("birthDate").format("yyyy-MM-dd").ranges(ranges)));
        Aggregation sexes = Aggregation.of(a -> a.terms(t -> t.field("sex").size(2)).aggregations("age", ages));
        Aggregation streets = Aggregation.of(a -> a.terms(t -> t.field("streetCode").size(DongchengStreet.values().length))
                .aggregations("sex", sexes));
        SearchResponse<Void> result = call(() -> client.search(s -> s.index(registry.alias()).size(0)
                .query(allOf(PopulationStatistics.residentsOn(asOf))).aggregations("street", streets), Void.class));

        Map<String, BySex> out = new LinkedHashMap<>();
        for (DongchengStreet street : DongchengStreet.values()) {
            out.put(street.code(), BySex.zeros(k));
        }
        for (StringTermsBucket street : result.aggregations().get("street").sterms().buckets().array()) {
            BySex counts = out.get(street.key().stringValue());
            if (counts == null) {
                continue; // the validator admits only the 17 codes; nothing else is counted
            }
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
