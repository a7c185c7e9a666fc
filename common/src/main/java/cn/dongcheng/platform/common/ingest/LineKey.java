package cn.dongcheng.platform.common.ingest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The top-level fields of a bulk line's input record that make its natural key, in the order the stored id joins them
 * with {@code :} (e.g. {@code uscc}, {@code period}). A rejected line is reported with that key whenever the line has
 * it, even when the rest of the line could not be read.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface LineKey {
    String[] value();
}
