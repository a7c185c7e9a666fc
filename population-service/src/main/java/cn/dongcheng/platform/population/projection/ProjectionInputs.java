package cn.dongcheng.platform.population.projection;

/**
 * Everything one cohort-component projection needs (预测参数): the base population by age group and sex in
 * {@code baseYear}, a life table per sex, the fertility schedule with the sex ratio at birth, and the annual net
 * migration (净迁移, in minus out) by age group and sex, held constant over the horizon; rates too.
 */
public record ProjectionInputs(AgeGroups groups, int baseYear, int horizonYears, BySex basePopulation,
                               LifeTable maleLifeTable, LifeTable femaleLifeTable, FertilitySchedule fertility,
                               BySex annualNetMigration) {

    public ProjectionInputs {
        int k = groups.count();
        if (horizonYears < groups.width() || horizonYears % groups.width() != 0) {
            throw new IllegalArgumentException("the horizon must be a positive multiple of the age-group width");
        }
        if (annualNetMigration == null) {
            annualNetMigration = BySex.zeros(k);
        }
        for (BySex v : new BySex[]{basePopulation, annualNetMigration}) {
            if (v.male().length != k || v.female().length != k) {
                throw new IllegalArgumentException("one value per age group and sex expected: " + k);
            }
        }
        if (!maleLifeTable.groups().equals(groups) || !femaleLifeTable.groups().equals(groups)) {
            throw new IllegalArgumentException("life tables must be on the projection's age groups");
        }
    }

    public int steps() {
        return horizonYears / groups.width();
    }

    public ProjectionInputs withBasePopulation(BySex population) {
        return new ProjectionInputs(groups, baseYear, horizonYears, population, maleLifeTable, femaleLifeTable,
                fertility, annualNetMigration);
    }

    public ProjectionInputs withAnnualNetMigration(BySex migration) {
        return new ProjectionInputs(groups, baseYear, horizonYears, basePopulation, maleLifeTable, femaleLifeTable,
                fertility, migration);
    }
}
