package cn.dongcheng.platform.population.table;

import cn.dongcheng.platform.common.district.DongchengStreet;
import cn.dongcheng.platform.common.problem.InvalidInputException;
import cn.dongcheng.platform.population.person.ResidenceType;
import cn.dongcheng.platform.population.person.Sex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The categories of each dimension of a requested table, in the order they are shown: all 17 streets (or the
 * filtered ones), the communities (those asked for, or all the register holds in the streets, and UNKNOWN), the age
 * groups, the sexes, the residence types of the population counted, the hukou places. Categories are listed even when
 * empty, as a census table lists them.
 */
public record TableLayout(List<TableDimension> dimensions, List<List<Category>> categories) {

    public static final String TOTAL = "TOTAL";
    /** The community category of persons whose community of residence the register does not hold (社区不详). */
    public static final String UNKNOWN_COMMUNITY = "UNKNOWN";
    /** Below Elasticsearch's default {@code search.max_buckets} (65,536), whose refusal would otherwise be a 500. */
    static final long MAX_BUCKETS = 50_000;

    public TableLayout {
        dimensions = List.copyOf(dimensions);
        categories = categories.stream().map(List::copyOf).toList();
    }

    /** @param communities the communities the register holds in the requested streets, in order (only read for the community dimension) */
    public static TableLayout of(TableRequest r, List<String> communities) {
        List<List<Category>> categories = new ArrayList<>();
        for (TableDimension d : r.dimensions()) {
            categories.add(switch (d) {
                case STREET -> (r.streets().isEmpty() ? Arrays.asList(DongchengStreet.values()) : r.streets()).stream()
                        .map(s -> new Category(s.code(), s.chineseName())).toList();
                case AGE -> r.ageGroups().groups().stream().map(g -> new Category(g.label(), g.label())).toList();
                case SEX -> Arrays.stream(Sex.values()).filter(s -> r.sex() == null || s == r.sex())
                        .map(s -> new Category(s.name(), s == Sex.MALE ? "男" : "女")).toList();
                case CATEGORY -> r.population().types().stream().map(t -> new Category(t.name(), label(t))).toList();
                case HUKOU_PLACE -> Arrays.stream(HukouPlace.values()).map(h -> new Category(h.name(), h.label())).toList();
                case COMMUNITY -> communities(r, communities);
            });
        }
        TableLayout layout = new TableLayout(r.dimensions(), categories);
        long buckets = layout.buckets(r.indicators().stream().anyMatch(TableIndicator::needsBands));
        if (buckets > MAX_BUCKETS) {
            throw new InvalidInputException("dimensions", "this table needs " + buckets + " aggregation buckets, more than "
                    + MAX_BUCKETS + ": use fewer dimensions, coarser age groups or fewer indicators");
        }
        return layout;
    }

    /** Buckets the aggregation creates: each level's categories under every bucket above, and sex × band per leaf. */
    long buckets(boolean bands) {
        long total = 0;
        long level = 1;
        for (List<Category> c : categories) {
            level *= c.size();
            total += level;
        }
        return total + (bands ? level * (2 + 2 * 4) : 0);
    }

    private static List<Category> communities(TableRequest r, List<String> known) {
        if (!r.communities().isEmpty()) {
            return r.communities().stream().map(c -> new Category(c, c)).toList();
        }
        List<Category> out = new ArrayList<>(known.stream().map(c -> new Category(c, c)).toList());
        out.add(new Category(UNKNOWN_COMMUNITY, "社区不详"));
        return out;
    }

    private static String label(ResidenceType t) {
        return switch (t) {
            case REGISTERED_RESIDENT -> "户籍常住";
            case FLOATING_RESIDENT -> "外来常住";
            case REGISTERED_AWAY -> "户籍外出";
        };
    }

    public int[] sizes() {
        return categories.stream().mapToInt(List::size).toArray();
    }

    public int indexOf(TableDimension d) {
        return dimensions.indexOf(d);
    }
}
