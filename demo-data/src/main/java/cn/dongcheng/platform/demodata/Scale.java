package cn.dongcheng.platform.demodata;

/**
 * How much to generate. {@code district} is Dongcheng as published (708,829 residents, ~45,000 market entities);
 * {@code small}, for tests and quick starts, is 1% of the residents and 5% of the market entities (2,250 entities,
 * 7,983 persons with those registered here who live elsewhere); {@code city} is Beijing-sized market entities (for
 * benchmarks) with a 10% sample of Beijing's 21.9 million residents. Every scale gets the same 24 months
 * ({@link IndicatorGenerator#FIRST} … {@link IndicatorGenerator#LAST}) of monthly reports of each active entity.
 */
public enum Scale {
    SMALL(0.01, 0.05),
    DISTRICT(1.0, 1.0),
    CITY(21_893_095 * 0.10 / 708_829, 250_000 / 45_000.0);

    private final double personFactor;
    private final double enterpriseFactor;

    Scale(double personFactor, double enterpriseFactor) {
        this.personFactor = personFactor;
        this.enterpriseFactor = enterpriseFactor;
    }

    public double personFactor() {
        return personFactor;
    }

    public double enterpriseFactor() {
        return enterpriseFactor;
    }
}
