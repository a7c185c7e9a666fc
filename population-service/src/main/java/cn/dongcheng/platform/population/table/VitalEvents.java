package cn.dongcheng.platform.population.table;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.population.linkage.PersonSources;
import cn.dongcheng.platform.population.linkage.SourceKind;
import cn.dongcheng.platform.population.migration.MigrationFlows;
import cn.dongcheng.platform.population.person.PersonRegistry;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/**
 * The events of a period by street, from the source records: births from the BIRTH registrations dated in the period,
 * at the street of residence they state (a birth outside the district is none of its births); deaths from the DEATH
 * registrations dated in the period, at the deceased's last street of residence (the linked person's, as the conflict
 * rules give it: a death registration states no residence); moves from {@link MigrationFlows}, the very moves of the
 * flow matrix. Each person counts once per kind of event, however many registrations say it. Only counts leave.
 */
@Component
public class VitalEvents {

    /** Persons per request: births and deaths of a district year fit in one or two pages. */
    static final int PAGE = 10_000;

    private final ElasticsearchClient client;
    private final CompositeScan scan;
    private final MigrationFlows flows;
    private final String sources;
    private final String persons;

    public VitalEvents(ElasticsearchClient client, MigrationFlows flows, PersonSources sources, PersonRegistry registry) {
        this.client = client;
        this.scan = new CompositeScan(client);
        this.flows = flows;
        this.sources = sources.alias();
        this.persons = registry.alias();
    }

    /** Births, deaths and moves from {@code from} to {@code to}, both included. */
    public PeriodEvents between(LocalDate from, LocalDate to) {
        return new PeriodEvents(from, to, births(from, to), deaths(from, to), flows.between(from, to));
    }

    private long[] births(LocalDate from, LocalDate to) {
        long[] births = new long[DongchengStreet.values().length];
        Set<String> counted = new HashSet<>();
        // by person first: a child registered twice counts once, at the street of the first key
        scan.forEach(sources, PersonSources.registrations(SourceKind.BIRTH, from, to), List.of("idNumber", "residenceStreetCode"), PAGE,
                buckets -> buckets.forEach(b -> {
                    Map<String, String> key = CompositeScan.key(b);
                    String street = key.get("residenceStreetCode");
                    if (street != null && counted.add(key.get("idNumber"))) {
                        DongchengStreet.byCode(street).ifPresent(s -> births[s.ordinal()]++);
                    }
                }));
        return births;
    }

    private long[] deaths(LocalDate from, LocalDate to) {
        long[] deaths = new long[DongchengStreet.values().length];
        scan.forEach(sources, PersonSources.registrations(SourceKind.DEATH, from, to), List.of("idNumber"), PAGE, buckets -> {
            List<String> ids = new ArrayList<>(buckets.stream().map(b -> CompositeScan.key(b).get("idNumber")).toList());
            Map<String, Long> byStreet = residents(ids);
            for (DongchengStreet s : DongchengStreet.values()) {
                deaths[s.ordinal()] += byStreet.getOrDefault(s.code(), 0L);
            }
        });
        return deaths;
    }

    /** How many of these persons the register places in each street of residence (counts only). */
    private Map<String, Long> residents(List<String> ids) {
        Map<String, Query> streets = new LinkedHashMap<>();
        Arrays.stream(DongchengStreet.values()).forEach(s -> streets.put(s.code(), term("residenceStreetCode", s.code())));
        Map<String, FiltersBucket> buckets = call(() -> client.search(s -> s.index(persons).size(0)
                .query(PersonSources.recordsOf(ids))
                .aggregations("streets", a -> a.filters(f -> f.filters(b -> b.keyed(streets)))), Void.class))
                .aggregations().get("streets").filters().buckets().keyed();
        Map<String, Long> out = new LinkedHashMap<>();
        buckets.forEach((code, b) -> out.put(code, b.docCount()));
        return out;
    }
}
