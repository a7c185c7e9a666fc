package cn.dongcheng.platform.common.web.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The query parameters an endpoint that reads them as a map ({@code @RequestParam Map<String, String>}) accepts,
 * besides its named {@code @RequestParam}s. {@link RequestInputInterceptor} refuses any other with 400.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface QueryParameters {
    String[] value();
}
