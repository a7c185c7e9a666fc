package cn.dongcheng.platform.common.index;

/** Told after each batch a migration copies; a long copy must show that it moves. */
@FunctionalInterface
public interface MigrationProgress {

    void copied(String alias, String from, String to, long copied, long total);
}
