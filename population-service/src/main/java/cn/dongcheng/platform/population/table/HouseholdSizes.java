package cn.dongcheng.platform.population.table;

import cn.dongcheng.platform.population.disclosure.LinkedTable;
import cn.dongcheng.platform.population.linkage.HukouType;
import cn.dongcheng.platform.population.person.PersonRegistry;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.dongcheng.platform.common.elasticsearch.Queries.term;

/**
 * Private households (家庭户) per group of a table, counted exactly. A household is the persons sharing a
 * {@code householdId} — the household register's number (户号), or, for whom the register has none (most floating
 * residents), the census household — among the persons the table counts; members of a collective hukou (集体户,
 * {@code hukouType} COLLECTIVE) are not in a private household, and persons without a household number are left out
 * of both the members and the households. A household counts once in every group in which at least one of its
 * members is counted (so a household split between two streets counts in both, and once in the district).
 *
 * <p>One composite aggregation over (household, the grouping fields), paged in household order: all of a
 * household's buckets come together, so one household at a time is held, never a person (only counts come back).
 */
@Component
public class HouseholdSizes {

    /** Buckets per request: a district's ~300,000 households in about 15 requests, below {@code search.max_buckets}. */
    static final int PAGE = 20_000;
    private static final List<String> FIELDS = List.of("householdId", "streetCode", "residenceCommunity", "residenceType",
            "registeredRegion");

    private final CompositeScan scan;
    private final String alias;

    public HouseholdSizes(ElasticsearchClient client, PersonRegistry registry) {
        this.scan = new CompositeScan(client);
        this.alias = registry.alias();
    }

    /** Per group (the table's cell index of the group): {members in private households, households}. */
    public Map<Integer, long[]> count(TableRequest r, TableLayout layout, Query counted) {
        Query query = Query.of(q -> q.bool(b -> b.filter(counted)
                .filter(f -> f.exists(e -> e.field("householdId")))
                .mustNot(term("hukouType", HukouType.COLLECTIVE.name()))));
        Tally tally = new Tally(layout);
        scan.forEach(alias, query, FIELDS, PAGE, buckets -> buckets.forEach(tally::add));
        tally.flush();
        return tally.groups;
    }

    /** Adds up one household at a time as its buckets arrive. */
    private static final class Tally {
        private final TableLayout layout;
        private final LinkedTable table;
        private final Map<Integer, long[]> groups = new HashMap<>();
        private final Map<Integer, Long> members = new HashMap<>();
        private String household;

        Tally(TableLayout layout) {
            this.layout = layout;
            int cells = 1;
            for (int n : layout.sizes()) {
                cells *= n;
            }
            this.table = LinkedTable.of(layout.sizes(), new long[cells]);
        }

        void add(CompositeBucket bucket) {
            Map<String, String> key = CompositeScan.key(bucket);
            if (!key.get("householdId").equals(household)) {
                flush();
                household = key.get("householdId");
            }
            int[] at = coordinates(key);
            if (at == null) {
                return;
            }
            for (int group : TableAssembler.covering(table, at, layout.indexOf(TableDimension.AGE),
                    layout.indexOf(TableDimension.SEX))) {
                members.merge(group, bucket.docCount(), Long::sum);
            }
        }

        /** The household just read counts once in each group its members were counted in. */
        void flush() {
            members.forEach((group, n) -> {
                long[] sum = groups.computeIfAbsent(group, g -> new long[2]);
                sum[0] += n;
                sum[1]++;
            });
            members.clear();
        }

        /** The group of a bucket, age and sex at their margins; null if it falls in no category (not counted). */
        private int[] coordinates(Map<String, String> key) {
            List<TableDimension> dims = layout.dimensions();
            int[] at = new int[dims.size()];
            for (int d = 0; d < dims.size(); d++) {
                List<Category> categories = layout.categories().get(d);
                String code = switch (dims.get(d)) {
                    case AGE, SEX -> null;
                    case STREET -> key.get("streetCode");
                    case COMMUNITY -> key.get("residenceCommunity") == null ? TableLayout.UNKNOWN_COMMUNITY
                            : key.get("residenceCommunity");
                    case CATEGORY -> key.get("residenceType");
                    case HUKOU_PLACE -> TableAggregation.hukouPlaceOf(key.get("residenceType"), key.get("registeredRegion")).name();
                };
                at[d] = code == null ? categories.size() : indexOf(categories, code);
                if (at[d] < 0) {
                    return null;
                }
            }
            return at;
        }

        private static int indexOf(List<Category> categories, String code) {
            for (int i = 0; i < categories.size(); i++) {
                if (categories.get(i).code().equals(code)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
