package cn.dongcheng.platform.population.table;

import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.population.person.PersonRegistry;
import cn.dongcheng.platform.population.person.ResidenceType;
import cn.dongcheng.platform.population.person.Sex;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.DateRangeExpression;
import co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket;
import co.elastic.clients.elasticsearch._types.aggregations.RangeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsAggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;
import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/**
 * One Elasticsearch request per table: the filters as the query, each dimension one nested bucket aggregation (a
 * {@code filters} aggregation per category, a {@code date_range} on the birth date for age), and, for the ratios,
 * sex × broad age band under each innermost bucket. Only counts come back, never a person.
 */
@Component
public class TableAggregation {

    private static final String SEXES = "sexes";
    private static final String BANDS = "bands";
    /** ID numbers issued in Beijing begin with 11. */
    private static final String BEIJING_REGION = "11";
    /** Dongcheng has some 180 communities; far more means the field holds something else. */
    static final int MAX_COMMUNITIES = 2_000;

    private final ElasticsearchClient client;
    private final PersonRegistry registry;

    public TableAggregation(ElasticsearchClient client, PersonRegistry registry) {
        this.client = client;
        this.registry = registry;
    }

    public TableCounts count(TableRequest r, TableLayout layout, boolean bands) {
        SearchRequest search = request(r, layout, bands);
        SearchResponse<Void> response = call(() -> client.search(search, Void.class));
        int[] sizes = layout.sizes();
        int cells = 1;
        for (int n : sizes) {
            cells *= n;
        }
        long[] interior = new long[cells];
        long[] byBand = bands ? new long[cells * TableCounts.PER_CELL] : null;
        long total = response.hits().total() == null ? 0 : response.hits().total().value();
        read(response.aggregations(), total, 0, 0, layout, interior, byBand);
        return new TableCounts(layout, interior, byBand);
    }

    /**
     * The communities of residence the register holds, in name order: of the requested streets' persons (any
     * category, any status), so that a community is listed, empty or not, as long as anybody there is on record.
     */
    public List<String> communities(TableRequest r) {
        Query query = r.streets().isEmpty() ? Query.of(q -> q.exists(e -> e.field("residenceCommunity"))) : streets(r);
        StringTermsAggregate terms = call(() -> client.search(s -> s.index(registry.alias()).size(0).query(query)
                .aggregations("communities", a -> a.terms(t -> t.field("residenceCommunity").size(MAX_COMMUNITIES + 1)
                        .order(NamedValue.of("_key", SortOrder.Asc)))), Void.class))
                .aggregations().get("communities").sterms();
        List<String> names = terms.buckets().array().stream().map(b -> b.key().stringValue()).toList();
        if (names.size() > MAX_COMMUNITIES) {
            throw new InvalidInputException("dimensions", "the register holds more than " + MAX_COMMUNITIES
                    + " communities in these streets: filter by street");
        }
        return names;
    }

    /** The search itself, also what a benchmark compares the table with. */
    public SearchRequest request(TableRequest r, TableLayout layout, boolean bands) {
        Query counted = counted(r);
        Map<String, Aggregation> inner = bands ? Map.of(SEXES, Aggregation.of(a -> a
                .filters(f -> f.filters(b -> b.keyed(keyed(List.of(Sex.MALE.name(), Sex.FEMALE.name()),
                        code -> term("sex", code))))).aggregations(BANDS, ages(TableCounts.BANDS, r.date())))) : Map.of();
        for (int d = layout.dimensions().size() - 1; d >= 0; d--) {
            Aggregation level = level(layout.dimensions().get(d), layout.categories().get(d), r);
            Map<String, Aggregation> below = inner;
            inner = Map.of(name(d), Aggregation.of(a -> {
                if (!below.isEmpty()) {
                    a.aggregations(below);
                }
                return level.isFilters() ? a.filters(level.filters()) : a.dateRange(level.dateRange());
            }));
        }
        Map<String, Aggregation> aggregations = inner;
        return SearchRequest.of(s -> s.index(registry.alias()).size(0).trackTotalHits(t -> t.enabled(true))
                .query(counted).aggregations(aggregations));
    }

    /** Whom the table counts: its population born by the date, in its streets, communities and sex. */
    Query counted(TableRequest r) {
        List<Query> filter = new ArrayList<>();
        List<FieldValue> types = r.population().types().stream().map(t -> FieldValue.of(t.name())).toList();
        filter.add(Query.of(q -> q.terms(t -> t.field("residenceType").terms(v -> v.value(types)))));
        filter.add(Query.of(q -> q.range(g -> g.date(d -> d.field("birthDate").lte(r.date().toString())))));
        if (!r.streets().isEmpty()) {
            filter.add(streets(r));
        }
        if (!r.communities().isEmpty()) {
            List<FieldValue> names = r.communities().stream().map(FieldValue::of).toList();
            filter.add(Query.of(q -> q.terms(t -> t.field("residenceCommunity").terms(v -> v.value(names)))));
        }
        if (r.sex() != null) {
            filter.add(term("sex", r.sex().name()));
        }
        return allOf(filter);
    }

    private static Query streets(TableRequest r) {
        List<FieldValue> codes = r.streets().stream().map(s -> FieldValue.of(s.code())).toList();
        return Query.of(q -> q.terms(t -> t.field("streetCode").terms(v -> v.value(codes))));
    }

    private static Aggregation level(TableDimension dimension, List<Category> categories, TableRequest r) {
        List<String> codes = categories.stream().map(Category::code).toList();
        return switch (dimension) {
            case AGE -> ages(r.ageGroups(), r.date());
            case STREET -> filters(codes, code -> term("streetCode", code));
            case SEX -> filters(codes, code -> term("sex", code));
            case CATEGORY -> filters(codes, code -> term("residenceType", code));
            case HUKOU_PLACE -> filters(codes, code -> hukouPlace(HukouPlace.valueOf(code)));
            case COMMUNITY -> filters(codes, TableAggregation::community);
        };
    }

    private static Query community(String code) {
        return code.equals(TableLayout.UNKNOWN_COMMUNITY)
                ? Query.of(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("residenceCommunity")))))
                : term("residenceCommunity", code);
    }

    /** The hukou place {@link #hukouPlace} selects, for a person of this residence type and ID-number region. */
    static HukouPlace hukouPlaceOf(String residenceType, String registeredRegion) {
        if (!ResidenceType.FLOATING_RESIDENT.name().equals(residenceType)) {
            return HukouPlace.DONGCHENG;
        }
        return registeredRegion != null && registeredRegion.startsWith(BEIJING_REGION)
                ? HukouPlace.OTHER_BEIJING : HukouPlace.OTHER_PROVINCE;
    }

    private static Query hukouPlace(HukouPlace place) {
        Query floating = term("residenceType", ResidenceType.FLOATING_RESIDENT.name());
        Query beijingId = Query.of(q -> q.prefix(p -> p.field("registeredRegion").value(BEIJING_REGION)));
        return switch (place) {
            case DONGCHENG -> Query.of(q -> q.bool(b -> b.mustNot(floating)));
            case OTHER_BEIJING -> allOf(List.of(floating, beijingId));
            case OTHER_PROVINCE -> Query.of(q -> q.bool(b -> b.filter(floating).mustNot(beijingId)));
        };
    }

    private static Aggregation filters(List<String> codes, Function<String, Query> query) {
        return Aggregation.of(a -> a.filters(f -> f.filters(b -> b.keyed(keyed(codes, query)))));
    }

    private static Map<String, Query> keyed(List<String> codes, Function<String, Query> query) {
        Map<String, Query> out = new LinkedHashMap<>();
        codes.forEach(c -> out.put(c, query.apply(c)));
        return out;
    }

    /** Age groups as birth-date ranges on the table's date (from inclusive, to exclusive). */
    private static Aggregation ages(AgeGroups groups, LocalDate date) {
        List<DateRangeExpression> ranges = groups.groups().stream().map(g -> DateRangeExpression.of(e -> {
            e.key(g.label()).to(t -> t.expr(g.bornBefore(date).toString()));
            LocalDate from = g.bornFrom(date);
            return from == null ? e : e.from(f -> f.expr(from.toString()));
        })).toList();
        return Aggregation.of(a -> a.dateRange(d -> d.field("birthDate").format("yyyy-MM-dd").ranges(ranges)));
    }

    private static String name(int level) {
        return "d" + level;
    }

    /** Walks the nested buckets in category order; {@code offset} is the row-major index so far. */
    private static void read(Map<String, Aggregate> aggregations, long count, int level, int offset, TableLayout layout,
                             long[] interior, long[] bands) {
        if (level == layout.dimensions().size()) {
            interior[offset] = count;
            if (bands != null) {
                Map<String, Bucket> sexes = buckets(aggregations.get(SEXES));
                for (int s = 0; s < 2; s++) {
                    Bucket sex = sexes.get(Sex.values()[s].name());
                    Map<String, Bucket> byBand = buckets(sex.aggregations().get(BANDS));
                    for (int b = 0; b < 4; b++) {
                        Bucket band = byBand.get(TableCounts.BANDS.groups().get(b).label());
                        bands[offset * TableCounts.PER_CELL + s * 4 + b] = band == null ? 0 : band.count();
                    }
                }
            }
            return;
        }
        Map<String, Bucket> buckets = buckets(aggregations.get(name(level)));
        List<Category> categories = layout.categories().get(level);
        for (int i = 0; i < categories.size(); i++) {
            Bucket bucket = buckets.get(categories.get(i).code());
            if (bucket != null) {
                read(bucket.aggregations(), bucket.count(), level + 1, offset * categories.size() + i, layout, interior, bands);
            }
        }
    }

    private record Bucket(long count, Map<String, Aggregate> aggregations) {
    }

    private static Map<String, Bucket> buckets(Aggregate aggregate) {
        Map<String, Bucket> out = new HashMap<>();
        if (aggregate.isFilters()) {
            aggregate.filters().buckets().keyed().forEach((key, b) -> out.put(key, bucket(b)));
        } else {
            for (RangeBucket b : aggregate.dateRange().buckets().array()) {
                out.put(b.key(), new Bucket(b.docCount(), b.aggregations()));
            }
        }
        return out;
    }

    private static Bucket bucket(FiltersBucket b) {
        return new Bucket(b.docCount(), b.aggregations());
    }
}
