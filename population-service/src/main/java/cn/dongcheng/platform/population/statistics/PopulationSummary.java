package cn.dongcheng.platform.population.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Resident population (常住人口) of the district or one street on a date, with its structure. */
public record PopulationSummary(LocalDate asOf, String streetCode, long residents, Map<String, Long> byResidenceType,
                                AgeStructure structure, Double sexRatio, Double childDependencyRatio,
                                Double oldAgeDependencyRatio, Double totalDependencyRatio, Double ageingIndex,
                                Double share60plus, List<StreetCount> byStreet) {

    public record StreetCount(String streetCode, String streetName, long residents) {
    }

    static PopulationSummary of(LocalDate asOf, String streetCode, Map<String, Long> byType, AgeStructure s, List<StreetCount> streets) {
        return new PopulationSummary(asOf, streetCode, s.total(), byType, s, s.sexRatio(), s.childDependencyRatio(),
                s.oldAgeDependencyRatio(), s.totalDependencyRatio(), s.ageingIndex(), s.share60plus(), streets);
    }
}
