package cn.dongcheng.platform.common.paging;

import cn.dongcheng.platform.common.problem.InvalidInputException;

/** {@code ?size=} (default 20, 1–1000) and {@code ?cursor=} as every list endpoint takes them. */
public record PageRequest(int size, String cursor) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 1000;

    public static PageRequest of(Integer size, String cursor) {
        int s = size == null ? DEFAULT_SIZE : size;
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE + ", got " + s);
        }
        return new PageRequest(s, cursor == null || cursor.isBlank() ? null : cursor);
    }
}
