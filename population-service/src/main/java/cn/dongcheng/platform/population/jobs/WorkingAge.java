package cn.dongcheng.platform.population.jobs;

/** Working-age residents (劳动年龄人口) in both conventions: 15–64 (international) and 15–59 (Beijing bulletins). */
public record WorkingAge(long age15to64, long age15to59) {

    public static final WorkingAge NONE = new WorkingAge(0, 0);

    WorkingAge plus(WorkingAge other) {
        return new WorkingAge(age15to64 + other.age15to64, age15to59 + other.age15to59);
    }
}
