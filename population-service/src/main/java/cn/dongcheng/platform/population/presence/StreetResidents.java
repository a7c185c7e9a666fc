package cn.dongcheng.platform.population.presence;

import cn.dongcheng.platform.population.statistics.PopulationStatistics;
import cn.dongcheng.platform.population.statistics.PopulationSummary;

import cn.dongcheng.platform.common.district.DongchengStreet;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Residents per street (常住人口), the target presence estimates are calibrated to. */
public class StreetResidents {

    private final PopulationStatistics statistics;
    private final Map<String, Long> census2020;

    public StreetResidents(PopulationStatistics statistics, Map<String, Long> census2020) {
        this.statistics = statistics;
        this.census2020 = Map.copyOf(census2020);
    }

    /** Residents by street code; a street the source knows none for is absent. */
    public Map<String, Long> byStreet(CalibrationTarget target, LocalDate asOf) {
        if (target == CalibrationTarget.CENSUS_2020) {
            return census2020;
        }
        Map<String, Long> out = new HashMap<>();
        for (PopulationSummary.StreetCount s : statistics.summary(null, asOf).byStreet()) {
            out.put(s.streetCode(), s.residents());
        }
        return out;
    }

    /** The census file: every one of the 17 streets once, adding up to the district's total, with its source. */
    public static Map<String, Long> loadCensus(InputStream in) throws IOException {
        JsonNode file = new ObjectMapper().readTree(in);
        if (file.path("source").asText("").isBlank()) {
            throw new IllegalStateException("the census residents file must name its source");
        }
        Map<String, Long> out = new HashMap<>();
        long sum = 0;
        for (JsonNode street : file.path("streets")) {
            String code = street.path("code").asText();
            if (DongchengStreet.byCode(code).isEmpty() || out.put(code, street.path("residents").asLong()) != null) {
                throw new IllegalStateException("census residents: unknown or repeated street " + code);
            }
            sum += street.path("residents").asLong();
        }
        if (out.size() != DongchengStreet.values().length || sum != file.path("districtResidents").asLong()) {
            throw new IllegalStateException("census residents: " + out.size() + " streets adding up to " + sum
                    + ", expected all 17 adding up to " + file.path("districtResidents").asLong());
        }
        return out;
    }
}
