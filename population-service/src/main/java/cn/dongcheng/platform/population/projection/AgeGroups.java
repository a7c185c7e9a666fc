package cn.dongcheng.platform.population.projection;

/**
 * Age groups of one width (年龄组: 1-year or 5-year) from 0 up to an open-ended last group starting at
 * {@code openAge} (e.g. 100+ or 85+). Group {@code i} covers ages [i·n, i·n + n); the last one [openAge, ∞).
 * A projection step is as long as a group is wide, so that each cohort moves up exactly one group per step.
 */
public record AgeGroups(int width, int openAge) {

    public AgeGroups {
        if (width != 1 && width != 5) {
            throw new IllegalArgumentException("width must be 1 or 5 years");
        }
        if (openAge < 2 * width || openAge % width != 0) {
            throw new IllegalArgumentException("openAge must be a multiple of the width and leave at least two closed groups");
        }
    }

    /** Number of groups, the open-ended one included. */
    public int count() {
        return openAge / width + 1;
    }

    public int startAge(int group) {
        return group * width;
    }

    public int last() {
        return count() - 1;
    }

    /** The group of a person of this age in completed years (the open-ended group from {@code openAge} on). */
    public int groupOf(int age) {
        return Math.min(age / width, last());
    }
}
