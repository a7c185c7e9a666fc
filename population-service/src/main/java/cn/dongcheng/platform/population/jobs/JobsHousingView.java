package cn.dongcheng.platform.population.jobs;

import java.time.LocalDate;
import java.util.List;

/**
 * The jobs–housing balance (职住比) of a report month: residents counted on its last day, employees at its end.
 * {@code employment} is UNAVAILABLE (with {@code employmentReason}) when industry-service could not be asked: the
 * residents part still answers.
 */
public record JobsHousingView(String month, LocalDate residentsAsOf, Employment employment, String employmentReason,
                              StreetBalance district, List<StreetBalance> streets) {

    public enum Employment { AVAILABLE, UNAVAILABLE }
}
