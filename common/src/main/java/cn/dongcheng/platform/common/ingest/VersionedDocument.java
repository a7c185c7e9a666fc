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

    /**
     * What this incoming line means given the stored version: itself by default. A document may keep something the
     * stored version reached by another way than a line (a credit record's status set by a repair decision), so that a
     * re-delivered export does not undo it.
     */
    @SuppressWarnings("unchecked")
    default T reconciledWith(T stored) {
        return (T) this;
    }
}
