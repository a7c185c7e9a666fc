package cn.dongcheng.platform.population.statistics;

/**
 * Crude rates of a period (出生率, 死亡率, 自然增长率) as the statistics bureau defines them: events of the period per
 * 1,000 of the average population (平均人口), the mean of the population at the period's start and at its end. The
 * register holds the population at the end only; the start is worked back with the balancing equation (人口平衡方程)
 * P<sub>start</sub> = P<sub>end</sub> − births + deaths − inflow + outflow, from the same events. The rates are those of
 * the period, not annualised: for the default 12-month period they are the annual rates.
 *
 * @param endPopulation residents on the period's last day
 * @param births        births in the period, located by the street of residence in the birth registration
 * @param deaths        deaths in the period, located by the last street of residence
 * @param inflow        moves into the area in the period
 * @param outflow       moves out of the area in the period
 */
public record VitalRates(long endPopulation, long births, long deaths, long inflow, long outflow) {

    public long startPopulation() {
        return endPopulation - births + deaths - inflow + outflow;
    }

    /** (P<sub>start</sub> + P<sub>end</sub>) / 2. */
    public double midPeriodPopulation() {
        return (startPopulation() + endPopulation) / 2.0;
    }

    public Double crudeBirthRate() {
        return perThousand(births);
    }

    public Double crudeDeathRate() {
        return perThousand(deaths);
    }

    /** (births − deaths) per 1,000, from the unrounded counts: the birth rate minus the death rate up to rounding. */
    public Double naturalIncreaseRate() {
        return perThousand(births - deaths);
    }

    /** Per 1,000 of the mid-period population, two decimals; none when nobody lived there. */
    private Double perThousand(long events) {
        double mean = midPeriodPopulation();
        return mean <= 0 ? null : Math.round(events * 100_000.0 / mean) / 100.0;
    }
}
