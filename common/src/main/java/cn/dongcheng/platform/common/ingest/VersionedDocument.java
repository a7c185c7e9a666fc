package cn.dongcheng.platform.common.ingest;

/**
 * A stored document whose replaced versions are kept ({@link VersionHistory}): it says its version and when it was
 * written, compares by content alone, and can be stamped with new bookkeeping.
 */
public interface VersionedDocument<T extends VersionedDocument<T>> {

    /** Its version, 1 for the first; null when stored before versions were counted (taken as 1). */
    Integer version();

    String updatedAt();

    /** The same content, whatever the version and time stamps say. */
    default boolean sameContentAs(T other) {
        return withBookkeeping(null, null).equals(other.withBookkeeping(null, null));
    }

    T withBookkeeping(Integer version, String updatedAt);
}
