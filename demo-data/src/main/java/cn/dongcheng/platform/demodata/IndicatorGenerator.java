package cn.dongcheng.platform.demodata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Monthly operating reports (联网直报 year-to-date figures) for every active entity over 24 months, with a seasonal
 * pattern per industry, a yearly trend per enterprise, and planted anomalies so the early-warning rules have
 * something to find: a revenue collapse, a tax fall, a headcount falling quarter after quarter.
 */
public final class IndicatorGenerator {

    public static final YearMonth FIRST = YearMonth.of(2023, 1);
    public static final YearMonth LAST = YearMonth.of(2024, 12);

    /** Monthly weight of the year's revenue by section (sum 12): retail peaks in December, catering dips in February. */
    private static final Map<String, double[]> SEASON = Map.of(
            "F", new double[]{1.0, 0.8, 0.95, 0.95, 1.0, 1.0, 0.95, 0.95, 1.0, 1.05, 1.1, 1.25},
            "H", new double[]{1.0, 0.7, 0.9, 1.0, 1.05, 1.05, 1.1, 1.1, 1.0, 1.1, 0.95, 1.05},
            "R", new double[]{0.9, 0.85, 0.95, 1.0, 1.0, 1.0, 1.15, 1.15, 1.0, 1.05, 0.95, 1.0},
            "J", new double[]{0.95, 0.85, 1.05, 0.95, 0.95, 1.1, 0.95, 0.95, 1.05, 0.95, 0.95, 1.35});
    private static final double[] FLAT_SEASON = {0.9, 0.8, 1.0, 1.0, 1.0, 1.05, 1.0, 1.0, 1.0, 1.0, 1.05, 1.2};

    /** Planted anomalies: what share of reporting enterprises get each one in 2024. */
    public static final double REVENUE_COLLAPSE = 0.006;
    public static final double TAX_FALL = 0.004;
    public static final double HEADCOUNT_SLIDE = 0.004;

    private final ObjectMapper mapper = new ObjectMapper();

    /** @param enterpriseLines the generated directory lines (active entities report) */
    public long generate(List<String> enterpriseLines, long seed, Consumer<String> sink) {
        SplittableRandom random = new SplittableRandom(seed);
        long count = 0;
        for (String line : enterpriseLines) {
            JsonNode e;
            try {
                e = mapper.readTree(line);
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
            if (!"ACTIVE".equals(e.path("status").asText())) {
                continue;
            }
            count += enterprise(e, random, sink);
        }
        return count;
    }

    private long enterprise(JsonNode e, SplittableRandom random, Consumer<String> sink) {
        String section = e.path("industrySection").asText();
        boolean key = e.path("keyEnterprise").asBoolean();
        // annual revenue: log-normal around 3 M yuan, key enterprises a hundred times larger
        double annual = Math.exp(Math.log(key ? 300_000_000 : 3_000_000) + 1.3 * gaussian(random));
        double growth = 0.04 + 0.08 * gaussian(random);
        double costRatio = switch (section) {
            case "F" -> 0.92;
            case "J" -> 0.55;
            case "I", "M" -> 0.75;
            default -> 0.82;
        };
        double vatRate = "F".equals(section) ? 0.02 : 0.045;
        double revenuePerEmployee = "J".equals(section) ? 3_000_000 : "F".equals(section) ? 2_000_000 : 600_000;
        int employees = Math.max(1, (int) Math.round(annual / revenuePerEmployee));
        double roll = random.nextDouble();
        boolean collapse = roll < REVENUE_COLLAPSE;
        boolean taxFall = !collapse && roll < REVENUE_COLLAPSE + TAX_FALL;
        boolean slide = !collapse && !taxFall && roll < REVENUE_COLLAPSE + TAX_FALL + HEADCOUNT_SLIDE;
        double[] season = SEASON.getOrDefault(section, FLAT_SEASON);
        long n = 0;
        double ytdRevenue = 0, ytdCost = 0, ytdVat = 0, ytdRd = 0, ytdPayroll = 0;
        for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
            if (m.getMonthValue() == 1) {
                ytdRevenue = ytdCost = ytdVat = ytdRd = ytdPayroll = 0;
            }
            int yearIndex = m.getYear() - FIRST.getYear();
            double yearRevenue = annual * Math.pow(1 + growth, yearIndex);
            double month = yearRevenue / 12 * season[m.getMonthValue() - 1] * (1 + 0.05 * gaussian(random));
            double vat = month * vatRate;
            if (m.getYear() == 2024 && collapse) {
                month *= 0.6;
                vat *= 0.6;
            }
            if (m.getYear() == 2024 && taxFall) {
                vat *= 0.5;
            }
            int headcount = employees;
            if (slide && m.getYear() == 2024) {
                headcount = Math.max(1, (int) Math.round(employees * (1 - 0.04 * ((m.getMonthValue() + 2) / 3))));
            } else {
                headcount = Math.max(1, (int) Math.round(employees * (1 + 0.02 * yearIndex) + gaussian(random) * 0.5));
            }
            ytdRevenue += Math.max(0, month);
            ytdCost += Math.max(0, month * costRatio);
            ytdVat += vat;
            ytdRd += ("I".equals(section) || "M".equals(section)) ? month * 0.06 : 0;
            ytdPayroll += headcount * 15_000.0;
            ObjectNode r = mapper.createObjectNode();
            r.put("uscc", e.path("uscc").asText());
            r.put("period", m.toString());
            r.put("revenueYtd", yuan(ytdRevenue));
            r.put("operatingCostYtd", yuan(ytdCost));
            r.put("totalProfitYtd", yuan(ytdRevenue - ytdCost - ytdPayroll * 0.3));
            r.put("vatPayableYtd", yuan(ytdVat));
            r.put("rdExpenseYtd", yuan(ytdRd));
            r.put("payrollYtd", yuan(ytdPayroll));
            r.put("employeesAtPeriodEnd", headcount);
            sink.accept(r.toString());
            n++;
        }
        return n;
    }

    private static BigDecimal yuan(double value) {
        return BigDecimal.valueOf(Math.round(value * 100), 2);
    }

    /** A standard normal draw (Box–Muller), for the generators' noise. */
    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
