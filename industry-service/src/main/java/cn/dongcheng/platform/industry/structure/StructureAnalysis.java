package cn.dongcheng.platform.industry.structure;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.elasticsearch.ElasticsearchJson;
import cn.dongcheng.platform.common.index.IndexNames;
import cn.dongcheng.platform.common.paging.DocumentPages;
import cn.dongcheng.platform.industry.classification.IndustryClassification;
import cn.dongcheng.platform.industry.enterprise.EnterpriseDirectory;
import cn.dongcheng.platform.industry.enterprise.EnterpriseDocument;
import cn.dongcheng.platform.industry.indicator.OperatingIndicators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Structure analytics over the monthly reports (产业结构分析): one aggregation request per period gives totals,
 * groups (and subgroups) with the three measures and the sum of squares behind HHI; two small sorted searches give
 * the largest values (CR4, CR10) and the top key enterprises.
 */
@Service
public class StructureAnalysis {

    private final ElasticsearchJson es;
    private final DocumentPages pages;
    private final String indicators;
    private final String directory;
    private final LocationQuotients quotients = LocationQuotients.bundled();

    public StructureAnalysis(ElasticsearchJson es, DocumentPages pages, IndexNames names) {
        this.es = es;
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
        ObjectNode body = es.object();
        body.put("size", 0);
        body.set("query", periodFilter(period, false));
        ObjectNode aggs = body.putObject("aggs");
        measures(aggs, q.measure());
        ObjectNode level = aggs;
        for (Dimension dim : q.groupBy()) {
            ObjectNode terms = level.putObject(level == aggs ? "groups" : "sub");
            terms.putObject("terms").put("field", dim.field).put("size", 500);
            level = terms.putObject("aggs");
            measures(level, q.measure());
        }
        JsonNode result = es.send("POST", "/" + indicators + "/_search", body).path("aggregations");
        Bucket totals = Bucket.of("total", result.path("count").path("value").asLong(), result);
        Map<String, Bucket> groups = buckets(result.path("groups"));
        return new Snapshot(totals, groups, topValues(q.measure(), period));
    }

    private static Map<String, Bucket> buckets(JsonNode terms) {
        Map<String, Bucket> map = new HashMap<>();
        for (JsonNode b : terms.path("buckets")) {
            Bucket bucket = Bucket.of(b.path("key_as_string").asText(b.path("key").asText()), b.path("doc_count").asLong(), b);
            bucket.children.putAll(buckets(b.path("sub")));
            map.put(bucket.key, bucket);
        }
        return map;
    }

    private static void measures(ObjectNode aggs, Measure measure) {
        aggs.putObject("revenue").putObject("sum").put("field", Measure.REVENUE.field);
        aggs.putObject("tax").putObject("sum").put("field", Measure.TAX.field);
        aggs.putObject("employees").putObject("sum").put("field", Measure.EMPLOYEES.field);
        aggs.putObject("squares").putObject("sum").put("field", measure.squareField);
        aggs.putObject("count").putObject("value_count").put("field", "uscc");
    }

    /** The largest values of the measure in the period, in the square's base unit, largest first (for CR4, CR10). */
    private List<Double> topValues(Measure measure, YearMonth period) {
        ObjectNode body = es.object();
        body.put("size", 10);
        body.set("query", periodFilter(period, false));
        body.putArray("sort").addObject().put(measure.field, "desc");
        body.putArray("_source").add(measure.field);
        List<Double> values = new ArrayList<>();
        for (JsonNode hit : es.send("POST", "/" + indicators + "/_search", body).path("hits").path("hits")) {
            values.add(hit.path("_source").path(measure.field).asDouble() / measure.unitsPerSquareBase);
        }
        return values;
    }

    private List<StructureAnalysisResult.TopEnterprise> topKeyEnterprises(StructureQuery q) {
        ObjectNode body = es.object();
        body.put("size", q.top());
        body.set("query", periodFilter(q.period(), true));
        body.putArray("sort").addObject().put(q.measure().field, "desc");
        List<JsonNode> hits = new ArrayList<>();
        es.send("POST", "/" + indicators + "/_search", body).path("hits").path("hits").forEach(h -> hits.add(h.path("_source")));
        Map<String, EnterpriseDocument> names = pages.getAll(directory, hits.stream().map(h -> h.path("uscc").asText()).toList(),
                EnterpriseDocument.class);
        return hits.stream().map(h -> {
            EnterpriseDocument e = names.get(h.path("uscc").asText());
            long raw = h.path(q.measure().field).asLong();
            return new StructureAnalysisResult.TopEnterprise(h.path("uscc").asText(), e == null ? null : e.name(),
                    h.path("industrySection").asText(null), h.path("streetCode").asText(null),
                    q.measure() == Measure.EMPLOYEES ? BigDecimal.valueOf(raw) : BigDecimal.valueOf(raw, 2));
        }).toList();
    }

    private ObjectNode periodFilter(YearMonth period, boolean keyOnly) {
        ObjectNode query = es.object();
        var filter = query.putObject("bool").putArray("filter");
        filter.addObject().putObject("term").put("period", period.toString());
        if (keyOnly) {
            filter.addObject().putObject("term").put("keyEnterprise", true);
        }
        return query;
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

        static Bucket of(String key, long entities, JsonNode aggs) {
            return new Bucket(key, entities, aggs.path("revenue").path("value").asDouble(), aggs.path("tax").path("value").asDouble(),
                    aggs.path("employees").path("value").asDouble(), aggs.path("squares").path("value").asDouble());
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
