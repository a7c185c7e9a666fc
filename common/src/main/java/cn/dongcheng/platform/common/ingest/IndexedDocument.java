package cn.dongcheng.platform.common.ingest;

/** A validated line ready to store: its id derives from the natural key, so a re-run overwrites instead of duplicating. */
public record IndexedDocument(String id, Object source) {
}
