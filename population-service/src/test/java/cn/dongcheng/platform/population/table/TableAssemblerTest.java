package cn.dongcheng.platform.population.table;

import cn.dongcheng.platform.population.disclosure.DisclosureRules;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tables assembled from hand-made counts; every expected number worked out by hand in the comments. */
class TableAssemblerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final DisclosureRules K5 = new DisclosureRules("disclosure-control-v1", 5);

    /** Counts of an age × sex table in the four broad bands, the bands filled from the cells themselves. */
    private static TableCounts ageBySex(TableRequest r, long... maleThenFemalePerBand) {
        TableLayout layout = TableLayout.of(r, List.of());
        long[] interior = new long[8];
        long[] bands = new long[8 * TableCounts.PER_CELL];
        for (int band = 0; band < 4; band++) {
            for (int sex = 0; sex < 2; sex++) {
                int cell = band * 2 + sex;
                interior[cell] = maleThenFemalePerBand[band * 2 + sex];
                bands[cell * TableCounts.PER_CELL + sex * 4 + band] = interior[cell];
            }
        }
        return new TableCounts(layout, interior, bands);
    }

    @Test
    void everyIndicatorOfOneGroupAgainstHandComputedValues() {
        TableRequest r = TableRequestTest.parse("sexRatio,dependencyRatios,ageingIndex,pyramid,shares", "age,sex",
                "0-14,15-59,60-64,65+", "2020-11-01", null, null, null, null, TODAY);
        //            male female
        // 0–14         12      8   = 20
        // 15–59        40     30   = 70
        // 60–64         5      5   = 10
        // 65+          10     20   = 30      males 67, females 63, total 130; 15–64 = 80, 60+ = 40
        PopulationTable t = new TableAssembler(null).assemble(r, ageBySex(r, 12, 8, 40, 30, 5, 5, 10, 20));
        assertThat(t.disclosureControl().applied()).isFalse();
        assertThat(t.groups()).singleElement().satisfies(g -> {
            assertThat(g.key()).isEmpty();
            assertThat(g.total()).isEqualTo(130);
            Map<String, PopulationTable.Value> v = g.indicators();
            assertThat(v.get("sexRatio").value()).isEqualTo(106.35);             // 67 / 63 × 100 = 106.349…
            assertThat(v.get("childDependencyRatio").value()).isEqualTo(25.0);   // 20 / 80
            assertThat(v.get("oldAgeDependencyRatio").value()).isEqualTo(37.5);  // 30 / 80
            assertThat(v.get("totalDependencyRatio").value()).isEqualTo(62.5);   // 50 / 80
            assertThat(v.get("childDependencyRatio60").value()).isEqualTo(28.57); // 20 / 70 = 28.571…
            assertThat(v.get("oldAgeDependencyRatio60").value()).isEqualTo(57.14); // 40 / 70 = 57.142…
            assertThat(v.get("totalDependencyRatio60").value()).isEqualTo(85.71); // 60 / 70 = 85.714…
            assertThat(v.get("ageingIndex").value()).isEqualTo(150.0);           // 30 / 20
            assertThat(v.get("ageingIndex60").value()).isEqualTo(200.0);         // 40 / 20
            // tenths of a percent: 92.3 61.5 307.7 230.8 38.5 38.5 76.9 153.8 → floors give 99.5 %; the five largest
            // remainders (65+ M .92, 65+ F .85, 15–59 F .77, 15–59 M .69, 0–14 F .54) get a tenth each
            assertThat(g.pyramid()).extracting(PopulationTable.Bar::share)
                    .containsExactly(9.2, 6.2, 30.8, 23.1, 3.8, 3.8, 7.7, 15.4);
        });
        assertThat(t.cells()).filteredOn(c -> c.share() != null).extracting(PopulationTable.Cell::share)
                .containsExactly(9.2, 6.2, 30.8, 23.1, 3.8, 3.8, 7.7, 15.4);
        // margins: age 0–14 both sexes 20, males 67, total 130
        assertThat(cell(t, Map.of("age", "0-14", "sex", "TOTAL")).count()).isEqualTo(20);
        assertThat(cell(t, Map.of("age", "TOTAL", "sex", "MALE")).count()).isEqualTo(67);
        assertThat(cell(t, Map.of("age", "TOTAL", "sex", "TOTAL")).count()).isEqualTo(130);
    }

    @Test
    void aSmallCellIsSuppressedWithItsComplementsAndTheRatiosThatWouldRevealIt() {
        TableRequest r = TableRequestTest.parse("sexRatio", "street,sex", null, "2020-11-01", null, "110101006,110101007", null, null, TODAY);
        //            male female | total
        // 东四           3     20  |   23
        // 朝阳门        30     40  |   70
        // total         33     60  |   93
        // 3 < 5 is hidden; row 东四 adds 20, column male adds 30, row 朝阳门 then 40: a rectangle, margins published
        long[] interior = {3, 20, 30, 40};
        long[] bands = new long[4 * TableCounts.PER_CELL];
        for (int cell = 0; cell < 4; cell++) {
            bands[cell * TableCounts.PER_CELL + (cell % 2) * 4 + 1] = interior[cell]; // all aged 15–59
        }
        PopulationTable t = new TableAssembler(K5).assemble(r, new TableCounts(TableLayout.of(r, List.of()), interior, bands));

        assertThat(t.disclosureControl()).isEqualTo(new PopulationTable.Disclosure(true, "disclosure-control-v1", 5, 1, 3));
        PopulationTable.Cell small = cell(t, Map.of("street", "110101006", "sex", "MALE"));
        assertThat(small.status()).isEqualTo(CellStatus.SUPPRESSED);
        assertThat(small.count()).isNull();
        assertThat(t.cells()).filteredOn(c -> c.status() == CellStatus.SUPPRESSED).hasSize(4);
        assertThat(cell(t, Map.of("street", "110101006", "sex", "TOTAL")).count()).isEqualTo(23);
        assertThat(cell(t, Map.of("street", "TOTAL", "sex", "TOTAL")).count()).isEqualTo(93);
        // 东四's sex ratio would give 3 away; 朝阳门's is in a hidden slice; the district's, then 东四's by difference
        assertThat(t.groups()).extracting(g -> g.indicators().get("sexRatio").status()).containsOnly(CellStatus.SUPPRESSED);

        // the same table unsuppressed: everything shown, sex ratios 15.0, 75.0 and 55.0
        PopulationTable open = new TableAssembler(null).assemble(r, new TableCounts(TableLayout.of(r, List.of()), interior, bands));
        assertThat(open.cells()).extracting(PopulationTable.Cell::status).containsOnly(CellStatus.PUBLISHED);
        assertThat(open.groups()).extracting(g -> g.indicators().get("sexRatio").value()).containsExactly(15.0, 75.0, 55.0);
    }

    @Test
    void ratiosOfGroupsWithoutSmallCountsArePublished() {
        TableRequest r = TableRequestTest.parse("sexRatio", "street", null, "2020-11-01", null, "110101006,110101007", null, null, TODAY);
        long[] interior = {50, 70};
        long[] bands = new long[2 * TableCounts.PER_CELL];
        bands[1] = 20;                           // 东四: 20 men, 30 women aged 15–59
        bands[5] = 30;
        bands[TableCounts.PER_CELL + 1] = 40;    // 朝阳门: 40 men, 30 women
        bands[TableCounts.PER_CELL + 5] = 30;
        PopulationTable t = new TableAssembler(K5).assemble(r, new TableCounts(TableLayout.of(r, List.of()), interior, bands));
        assertThat(t.groups()).extracting(g -> g.indicators().get("sexRatio").value())
                .containsExactly(66.67, 133.33, 100.0); // 20/30, 40/30, 60/60
    }

    private static PopulationTable.Cell cell(PopulationTable t, Map<String, String> key) {
        return t.cells().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }
}
