package cn.dongcheng.platform.population.projection;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.population.person.PersonRegistry;
import cn.dongcheng.platform.population.person.Sex;
import cn.dongcheng.platform.population.statistics.PopulationStatistics;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.DateRangeExpression;
import co.elastic.clients.elasticsearch._types.aggregations.RangeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;
import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/**
 * The base population (基期人口) by street, sex and age group, counted in the register on a date, ages from birth
 * dates as the population summaries count them. Counts only; no person leaves Elasticsearch.
 *
 * <p>One search per sex (street → birth-date ranges), both in one {@code _msearch} on one point in time: the node runs
 * the two at once, each on its own search thread, where a single street → sex → age aggregation runs on one — and
 * each collects one nesting level less. The point in time makes both count the same state of the register, as one
 * aggregation would while the register is written to. Sex never changes (it is read from the ID number), so every
 * resident is counted in exactly one of the two.
 */
@Service
public class RecordedPopulation {

    /** Long enough for the two searches on a busy node; the point in time is closed as soon as they answer. */
    private static final Time KEEP_ALIVE = Time.of(t -> t.time("1m"));

    private final ElasticsearchClient client;
    private final PersonRegistry registry;

    public RecordedPopulation(ElasticsearchClient client, PersonRegistry registry) {
        this.client = client;
        this.registry = registry;
    }

    /** Residents on {@code asOf} by street code (every street, zero vectors where no one is registered). */
    public Map<String, BySex> byStreet(AgeGroups groups, LocalDate asOf) {
        Aggregation streets = streetsByAge(groups, asOf);
        List<Sex> sexes = List.of(Sex.values());
        String pit = call(() -> client.openPointInTime(o -> o.index(registry.alias()).keepAlive(KEEP_ALIVE))).id();
        MsearchResponse<Void> result;
        try {
            result = call(() -> client.msearch(m -> {
                for (Sex sex : sexes) {
                    m.searches(s -> s.header(h -> h).body(b -> b.size(0).pit(p -> p.id(pit))
                            .query(residentsOf(sex, asOf)).aggregations("street", streets)));
                }
                return m;
            }, Void.class));
        } finally {
            try {
                call(() -> client.closePointInTime(c -> c.id(pit)));
            } catch (RuntimeException e) {
                // it expires by itself after KEEP_ALIVE
            }
        }

        Map<String, BySex> out = new LinkedHashMap<>();
        for (DongchengStreet street : DongchengStreet.values()) {
            out.put(street.code(), BySex.zeros(groups.count()));
        }
        for (int i = 0; i < sexes.size(); i++) {
            MultiSearchResponseItem<Void> item = result.responses().get(i);
            if (item.isFailure()) {
                throw new ElasticsearchException("msearch", item.failure());
            }
            boolean female = sexes.get(i) == Sex.FEMALE;
            for (StringTermsBucket street : item.result().aggregations().get("street").sterms().buckets().array()) {
                BySex counts = out.get(street.key().stringValue());
                if (counts == null) {
                    continue; // the validator admits only the 17 codes; nothing else is counted
                }
                double[] target = female ? counts.female() : counts.male();
                for (RangeBucket age : street.aggregations().get("age").dateRange().buckets().array()) {
                    target[Integer.parseInt(age.key())] = age.docCount();
                }
            }
        }
        return out;
    }

    /** Residents on the date of one sex: the population summaries' residents with the sex as one filter more. */
    private static Query residentsOf(Sex sex, LocalDate asOf) {
        List<Query> filter = new ArrayList<>(PopulationStatistics.residentsOn(asOf));
        filter.add(term("sex", sex.name()));
        return allOf(filter);
    }

    /**
     * {@code terms} street → {@code date_range} of the birth date per age group, keyed by group index. Age in
     * [x, x+n) ⇔ asOf − (x+n) years < birthDate ≤ asOf − x years; "to" is exclusive, hence +1 day.
     */
    private static Aggregation streetsByAge(AgeGroups groups, LocalDate asOf) {
        int k = groups.count();
        List<DateRangeExpression> ranges = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            String key = Integer.toString(i);
            String to = asOf.minusYears(groups.startAge(i)).plusDays(1).toString();
            String from = asOf.minusYears(groups.startAge(i) + (long) groups.width()).plusDays(1).toString();
            ranges.add(i < k - 1 ? DateRangeExpression.of(r -> r.key(key).from(f -> f.expr(from)).to(t -> t.expr(to)))
                    : DateRangeExpression.of(r -> r.key(key).to(t -> t.expr(to))));
        }
        Aggregation ages = Aggregation.of(a -> a.dateRange(r -> r.field("birthDate").format("yyyy-MM-dd").ranges(ranges)));
        return Aggregation.of(a -> a.terms(t -> t.field("streetCode").size(DongchengStreet.values().length))
                .aggregations("age", ages));
    }
}
