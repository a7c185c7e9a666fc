package cn.dongcheng.platform.population.jobs;

import cn.dongcheng.platform.common.district.DongchengStreet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The jobs–housing ratio (职住比) = employees working in an area ÷ working-age residents living there, per street and
 * for the district. Above 1 an area draws commuters in, below 1 it sends them out. The district figure sums the 17
 * streets, so employees of entities registered outside them (moved away) count nowhere.
 */
public final class JobsHousingBalance {

    /** The district's administrative division code (东城区). */
    static final String DISTRICT_CODE = "110101";

    private JobsHousingBalance() {
    }

    /**
     * @param residents  working-age residents by street code (streets absent: none)
     * @param employees  employees by street code, or null when employment is unavailable
     * @param street     the one street to list, or null for all 17
     * @param month      the report month, {@code YYYY-MM}
     */
    public static JobsHousingView of(String month, LocalDate residentsAsOf, Map<String, WorkingAge> residents,
                                     Map<String, Long> employees, String street, String unavailableReason) {
        List<StreetBalance> streets = new ArrayList<>();
        WorkingAge districtResidents = WorkingAge.NONE;
        long districtEmployees = 0;
        for (DongchengStreet s : DongchengStreet.values()) {
            WorkingAge r = residents.getOrDefault(s.code(), WorkingAge.NONE);
            Long e = employees == null ? null : employees.getOrDefault(s.code(), 0L);
            districtResidents = districtResidents.plus(r);
            districtEmployees += e == null ? 0 : e;
            if (street == null || street.equals(s.code())) {
                streets.add(balance(s.code(), s.chineseName(), e, r));
            }
        }
        StreetBalance district = balance(DISTRICT_CODE, "东城区", employees == null ? null : districtEmployees,
                districtResidents);
        return new JobsHousingView(month, residentsAsOf,
                employees == null ? JobsHousingView.Employment.UNAVAILABLE : JobsHousingView.Employment.AVAILABLE,
                employees == null ? unavailableReason : null, district, streets);
    }

    static StreetBalance balance(String code, String name, Long employees, WorkingAge residents) {
        return new StreetBalance(code, name, employees, residents.age15to64(), residents.age15to59(),
                ratio(employees, residents.age15to64()), ratio(employees, residents.age15to59()));
    }

    /** Jobs per working-age resident to 3 decimals; null without employees or without residents. */
    static Double ratio(Long employees, long workingAgeResidents) {
        if (employees == null || workingAgeResidents == 0) {
            return null;
        }
        return Math.round(employees * 1000.0 / workingAgeResidents) / 1000.0;
    }
}
