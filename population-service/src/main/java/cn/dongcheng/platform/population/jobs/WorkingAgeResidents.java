package cn.dongcheng.platform.population.jobs;

import cn.dongcheng.platform.population.person.PersonRegistry;
import cn.dongcheng.platform.population.statistics.PopulationStatistics;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.RangeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;
import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;

/**
 * Working-age residents (常住, 15–64 and 15–59) per street on a date, in one aggregation over the register: streets,
 * and within each the broad age groups of {@link PopulationStatistics#broadAgeGroups}. Aggregates only: no person
 * leaves.
 */
@Service
public class WorkingAgeResidents {

    private final ElasticsearchClient client;
    private final PersonRegistry registry;

    public WorkingAgeResidents(ElasticsearchClient client, PersonRegistry registry) {
        this.client = client;
        this.registry = registry;
    }

    public Map<String, WorkingAge> byStreet(LocalDate date) {
        Aggregation byStreet = Aggregation.of(a -> a.terms(t -> t.field("streetCode").size(20))
                .aggregations("age", PopulationStatistics.broadAgeGroups(date)));
        Map<String, Aggregate> result = call(() -> client.search(s -> s.index(registry.alias()).size(0)
                .query(allOf(PopulationStatistics.residentsOn(date))).aggregations("street", byStreet), Void.class)).aggregations();
        Map<String, WorkingAge> out = new HashMap<>();
        for (StringTermsBucket street : result.get("street").sterms().buckets().array()) {
            Map<String, Long> age = new HashMap<>();
            for (RangeBucket b : street.aggregations().get("age").dateRange().buckets().array()) {
                age.put(b.key(), b.docCount());
            }
            out.put(street.key().stringValue(), new WorkingAge(age.getOrDefault("15-64", 0L), age.getOrDefault("15-59", 0L)));
        }
        return out;
    }
}
