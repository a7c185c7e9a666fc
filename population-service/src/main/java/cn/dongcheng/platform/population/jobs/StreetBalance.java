package cn.dongcheng.platform.population.jobs;

/**
 * One street's (or the district's) jobs–housing balance: employees working there, working-age residents living there,
 * and jobs per working-age resident in both conventions. Employees and ratios are null when employment is unavailable;
 * a ratio is null too when no working-age resident lives there.
 */
public record StreetBalance(String streetCode, String streetName, Long employees, long workingAge15to64,
                            long workingAge15to59, Double ratio, Double ratio15to59) {
}
