package cn.dongcheng.platform.common.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list ({@code api-conventions.md}): items, an opaque cursor for the next page (null on the last) and
 * the total, which is a lower bound when {@code totalIsLowerBound} is true.
 */
public record Page<T>(List<T> items, String nextCursor, long total, boolean totalIsLowerBound) {
    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor, total, totalIsLowerBound);
    }
}
