package cn.dongcheng.platform.industry.structure;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.industry.classification.IndustryClassification;
import cn.dongcheng.platform.industry.enterprise.EnterpriseDirectory;
import cn.dongcheng.platform.industry.enterprise.EnterpriseDocument;
import cn.dongcheng.platform.industry.indicator.OperatingIndicatorDocument;
import cn.dongcheng.platform.industry.indicator.OperatingIndicators;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.dongcheng.platform.common.elasticsearch.ElasticsearchCalls.call;
import static cn.dongcheng.platform.common.elasticsearch.Queries.allOf;
import static cn.dongcheng.platform.common.elasticsearch.Queries.desc;
import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/**
 * Structure analytics over the monthly reports (产业结构分析): one aggregation request per period gives totals,
 * groups (and subgroups) with the three measures and the sum of squares behind HHI; two small sorted searches give
 * the largest values (CR4, CR10) and the top key enterprises.
 */
@Service
public class StructureAnalysis {

    private final ElasticsearchClient client;
    private final DocumentPages pages;
    private final String indicators;
    private final String directory;
    private final LocationQuotients quotients = LocationQuotients.bundled();

    public StructureAnalysis(ElasticsearchClient client, DocumentPages pages, IndexNames names) {
        this.client = client;
        this.pages = pages;
        this.indicators = names.alias(OperatingIndicators.INDEX.resource());
        this.directory = names.alias(EnterpriseDirectory.INDEX.resource());
    }

    public StructureAnalysisResult analyse(StructureQuery q) {
        Snapshot now = snapshot(q, q.period());
        Snapshot before = snapshot(q, q.comparedWith());
        double total = now.totals.value(q.measure());
        double totalBefore = before.totals.value(q.measure());
        List<StructureAnalysisResult.Group> groups = groups(q, now.groups, before.groups, total, totalBefore, 0);
        return new StructureAnalysisResult(q.period().toString(), q.comparedWith().toString(), q.measure(), q.groupBy(),
                now.totals.view(), before.totals.view(), change(total, totalBefore),
                Concentration.of(now.totals.inSquareBase(q.measure()), now.totals.squares, now.top),
                Concentration.of(before.totals.inSquareBase(q.measure()), before.totals.squares, before.top),
                groups, topKeyEnterprises(q), q.groupBy().get(0) == Dimension.SECTION ? quotients.reference() : null);
    }

    private List<StructureAnalysisResult.Group> groups(StructureQuery q, Map<String, Bucket> now, Map<String, Bucket> before,
                                                       double total, double totalBefore, int level) {
        Dimension dim = q.groupBy().get(level);
        List<StructureAnalysisResult.Group> out = new ArrayList<>();
        for (Bucket b : now.values()) {
            Bucket prev = before.get(b.key);
            double value = b.value(q.measure());
            double prevValue = prev == null ? 0 : prev.value(q.measure());
            List<StructureAnalysisResult.Group> sub = level + 1 < q.groupBy().size()
                    ? groups(q, b.children, prev == null ? Map.of() : prev.children, value, prevValue, level + 1) : null;
            out.add(new StructureAnalysisResult.Group(b.key, name(dim, b.key), b.view(), percent(value, total),
                    prev == null ? null : percent(prevValue, totalBefore), change(value, prevValue),
                    dim == Dimension.SECTION && level == 0 ? quotients.of(b.key, value, total) : null,
                    Concentration.of(b.inSquareBase(q.measure()), b.squares, List.of()).hhi(), sub));
        }
        out.sort((x, y) -> Double.compare(y.sharePercent() == null ? 0 : y.sharePercent(), x.sharePercent() == null ? 0 : x.sharePercent()));
        return out;
    }

    private Snapshot snapshot(StructureQuery q, YearMonth period) {
        Map<String, Aggregate> result = call(() -> client.search(s -> s.index(indicators).size(0)
                .query(periodFilter(period, false)).aggregations(measuresAnd(q.measure(), groups(q.groupBy(), 0, q.measure()))),
                Void.class)).aggregations();
        Bucket totals = Bucket.of("total", (long) result.get("count").valueCount().value(), result);
        return new Snapshot(totals, buckets(result.get("groups")), topValues(q.measure(), period));
    }

    /** The terms aggregation of one grouping level ("groups", below it "sub"), each bucket with the measures. */
    private static Map<String, Aggregation> groups(List<Dimension> groupBy, int level, Measure measure) {
        if (level == groupBy.size()) {
            return Map.of();
        }
        Aggregation terms = Aggregation.of(a -> a.terms(t -> t.field(groupBy.get(level).field).size(500))
                .aggregations(measuresAnd(measure, groups(groupBy, level + 1, measure))));
        return Map.of(level == 0 ? "groups" : "sub", terms);
    }

    private static Map<String, Bucket> buckets(Aggregate terms) {
        Map<String, Bucket> map = new HashMap<>();
        // grouping fields are keywords: string terms (also when no index maps the field)
        if (terms == null || !terms.isSterms()) {
            return map;
        }
        for (StringTermsBucket b : terms.sterms().buckets().array()) {
            Bucket bucket = Bucket.of(b.key().stringValue(), b.docCount(), b.aggregations());
            bucket.children.putAll(buckets(b.aggregations().get("sub")));
            map.put(bucket.key, bucket);
        }
        return map;
    }

    /** The sums of the three measures, the sum of squares of the analysed one and the count of reports, with {@code more}. */
    private static Map<String, Aggregation> measuresAnd(Measure measure, Map<String, Aggregation> more) {
        Map<String, Aggregation> aggs = new HashMap<>(more);
        aggs.put("revenue", sum(Measure.REVENUE.field));
        aggs.put("tax", sum(Measure.TAX.field));
        aggs.put("employees", sum(Measure.EMPLOYEES.field));
        aggs.put("squares", sum(measure.squareField));
        aggs.put("count", Aggregation.of(a -> a.valueCount(v -> v.field("uscc"))));
        return aggs;
    }

    private static Aggregation sum(String field) {
        return Aggregation.of(a -> a.sum(s -> s.field(field)));
    }

    /** The largest values of the measure in the period, in the square's base unit, largest first (for CR4, CR10). */
    private List<Double> topValues(Measure measure, YearMonth period) {
        List<Double> values = new ArrayList<>();
        for (Hit<OperatingIndicatorDocument> hit : call(() -> client.search(s -> s.index(indicators).size(10)
                .query(periodFilter(period, false)).sort(desc(measure.field)).source(src -> src.filter(f -> f.includes(measure.field))),
                OperatingIndicatorDocument.class)).hits().hits()) {
            values.add(measure.raw(hit.source()) / measure.unitsPerSquareBase);
        }
        return values;
    }

    private List<StructureAnalysisResult.TopEnterprise> topKeyEnterprises(StructureQuery q) {
        List<OperatingIndicatorDocument> reports = call(() -> client.search(s -> s.index(indicators).size(q.top())
                .query(periodFilter(q.period(), true)).sort(desc(q.measure().field)), OperatingIndicatorDocument.class))
                .hits().hits().stream().map(Hit::source).toList();
        Map<String, EnterpriseDocument> names = pages.getAll(directory, reports.stream().map(OperatingIndicatorDocument::uscc).toList(),
                EnterpriseDocument.class);
        return reports.stream().map(r -> {
            EnterpriseDocument e = names.get(r.uscc());
            long raw = q.measure().raw(r);
            return new StructureAnalysisResult.TopEnterprise(r.uscc(), e == null ? null : e.name(), r.industrySection(),
                    r.streetCode(), q.measure() == Measure.EMPLOYEES ? BigDecimal.valueOf(raw) : BigDecimal.valueOf(raw, 2));
        }).toList();
    }

    private static Query periodFilter(YearMonth period, boolean keyOnly) {
        Query inPeriod = term("period", period.toString());
        return allOf(keyOnly ? List.of(inPeriod, term("keyEnterprise", true)) : List.of(inPeriod));
    }

    private static String name(Dimension dim, String key) {
        return switch (dim) {
            case SECTION -> IndustryClassification.sectionName(key);
            case STREET -> DongchengStreet.byCode(key).map(DongchengStreet::chineseName).orElse("迁出/区外");
            case DIVISION -> IndustryClassification.name(key);
            case HIGH_END -> key;
        };
    }

    static Double percent(double part, double whole) {
        return whole <= 0 ? null : Math.round(part * 10_000 / whole) / 100.0;
    }

    static Double change(double now, double before) {
        return before == 0 ? null : Math.round((now - before) * 10_000 / Math.abs(before)) / 100.0;
    }

    private record Snapshot(Bucket totals, Map<String, Bucket> groups, List<Double> top) {
    }

    /** One aggregation bucket: the measures as stored (fen, persons) and the sum of squares of the analysed one. */
    private static final class Bucket {
        final String key;
        final long entities;
        final double revenueFen;
        final double taxFen;
        final double employees;
        final double squares;
        final Map<String, Bucket> children = new HashMap<>();

        private Bucket(String key, long entities, double revenueFen, double taxFen, double employees, double squares) {
            this.key = key;
            this.entities = entities;
            this.revenueFen = revenueFen;
            this.taxFen = taxFen;
            this.employees = employees;
            this.squares = squares;
        }

        static Bucket of(String key, long entities, Map<String, Aggregate> aggs) {
            return new Bucket(key, entities, sum(aggs, "revenue"), sum(aggs, "tax"), sum(aggs, "employees"), sum(aggs, "squares"));
        }

        private static double sum(Map<String, Aggregate> aggs, String name) {
            return aggs.get(name).sum().value();
        }

        double value(Measure m) {
            return switch (m) {
                case REVENUE -> revenueFen;
                case TAX -> taxFen;
                case EMPLOYEES -> employees;
            };
        }

        double inSquareBase(Measure m) {
            return value(m) / m.unitsPerSquareBase;
        }

        StructureAnalysisResult.Totals view() {
            return new StructureAnalysisResult.Totals(entities, BigDecimal.valueOf(Math.round(revenueFen), 2),
                    BigDecimal.valueOf(Math.round(taxFen), 2), Math.round(employees));
        }
    }
}
