package cn.dongcheng.platform.population.projection;

/**
 * A validated projection request: the age groups and horizon, the area, and whichever inputs the analyst supplied
 * (null = take it from the register or the reference).
 */
record ProjectionSpec(AgeGroups groups, int baseYear, int horizonYears, String streetCode, boolean eachStreet,
                      BySex basePopulation, LifeTable maleLifeTable, LifeTable femaleLifeTable, String mortalitySource,
                      double[] fertilityRates, double sexRatioAtBirth, boolean sexRatioSupplied, BySex netMigration,
                      boolean ratesFromRecords) {
}
