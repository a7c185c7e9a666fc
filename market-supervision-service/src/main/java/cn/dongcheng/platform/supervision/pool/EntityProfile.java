package cn.dongcheng.platform.supervision.pool;

/**
 * What the directory stream said of a pool entry when the pool was frozen: its street (街道) and GB/T 4754 industry
 * section (门类). Kept with the pool and copied onto each drawn target and its result, so findings can be counted by
 * street and industry as the entity stood when it was drawn, without asking industry-service again.
 */
public record EntityProfile(String streetCode, String industrySection) {
}
