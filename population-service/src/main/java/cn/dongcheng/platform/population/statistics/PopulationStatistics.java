package cn.dongcheng.platform.population.statistics;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.population.person.PersonRegistry;
import cn.dongcheng.platform.population.person.ResidenceType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of the resident population by sex, residence type, broad age group and street, computed by Elasticsearch
 * aggregations over the register (ages at the {@code asOf} date from birth dates). Aggregates only: no person leaves.
 */
@Service
public class PopulationStatistics {

    private final ElasticsearchJson es;
    private final PersonRegistry registry;
    private final Clock clock;

    public PopulationStatistics(ElasticsearchJson es, PersonRegistry registry, Clock clock) {
        this.es = es;
        this.registry = registry;
        this.clock = clock;
    }

    public PopulationSummary summary(String streetCode, LocalDate asOf) {
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        if (streetCode != null && DongchengStreet.byCode(streetCode).isEmpty()) {
            throw new InvalidInputException("streetCode", "must be one of the 17 street codes 110101001–110101017");
        }
        ObjectNode body = es.object();
        body.put("size", 0);
        body.put("track_total_hits", true);
        ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
        ArrayNode types = filter.addObject().putObject("terms").putArray("residenceType");
        for (ResidenceType t : ResidenceType.values()) {
            if (t.resident()) {
                types.add(t.name());
            }
        }
        filter.addObject().putObject("range").putObject("birthDate").put("lte", date.toString());
        if (streetCode != null) {
            filter.addObject().putObject("term").put("streetCode", streetCode);
        }
        ObjectNode aggs = body.putObject("aggs");
        aggs.putObject("sex").putObject("terms").put("field", "sex");
        aggs.putObject("type").putObject("terms").put("field", "residenceType");
        aggs.putObject("street").putObject("terms").put("field", "streetCode").put("size", 20);
        ObjectNode ranges = aggs.putObject("age").putObject("date_range");
        ranges.put("field", "birthDate").put("format", "yyyy-MM-dd");
        ArrayNode r = ranges.putArray("ranges");
        // age >= x  <=>  birthDate <= asOf - x years ; "to" is exclusive, hence the extra day
        r.addObject().put("key", "0-14").put("from", date.minusYears(15).plusDays(1).toString());
        r.addObject().put("key", "15-59").put("from", date.minusYears(60).plusDays(1).toString()).put("to", date.minusYears(15).plusDays(1).toString());
        r.addObject().put("key", "15-64").put("from", date.minusYears(65).plusDays(1).toString()).put("to", date.minusYears(15).plusDays(1).toString());
        r.addObject().put("key", "60+").put("to", date.minusYears(60).plusDays(1).toString());
        r.addObject().put("key", "65+").put("to", date.minusYears(65).plusDays(1).toString());

        JsonNode result = es.send("POST", "/" + registry.alias() + "/_search", body);
        JsonNode a = result.path("aggregations");
        Map<String, Long> sex = buckets(a.path("sex"));
        Map<String, Long> age = new LinkedHashMap<>();
        for (JsonNode b : a.path("age").path("buckets")) {
            age.put(b.path("key").asText(), b.path("doc_count").asLong());
        }
        List<PopulationSummary.StreetCount> streets = new ArrayList<>();
        buckets(a.path("street")).forEach((code, n) -> streets.add(new PopulationSummary.StreetCount(code,
                DongchengStreet.byCode(code).map(DongchengStreet::chineseName).orElse(code), n)));
        streets.sort((x, y) -> x.streetCode().compareTo(y.streetCode()));
        AgeStructure structure = new AgeStructure(result.path("hits").path("total").path("value").asLong(),
                sex.getOrDefault("MALE", 0L), sex.getOrDefault("FEMALE", 0L), age.getOrDefault("0-14", 0L),
                age.getOrDefault("15-59", 0L), age.getOrDefault("15-64", 0L), age.getOrDefault("60+", 0L), age.getOrDefault("65+", 0L));
        return PopulationSummary.of(date, streetCode, buckets(a.path("type")), structure, streets);
    }

    private static Map<String, Long> buckets(JsonNode agg) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (JsonNode b : agg.path("buckets")) {
            out.put(b.path("key").asText(), b.path("doc_count").asLong());
        }
        return out;
    }
}
