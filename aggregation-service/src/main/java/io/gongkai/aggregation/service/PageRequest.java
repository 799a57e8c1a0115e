package io.gongkai.aggregation.service;

import io.gongkai.contracts.api.InvalidParameterException;
/** A zero-based page of a list and its size, bounded so that one answer stays small. */
public record PageRequest(int page, int size) {

    /** Pages beyond this are refused outright: no unit has that many children. */
    public static final int MAX_PAGE = 100_000;

    public static PageRequest of(int page, int size, int maxSize) {
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidParameterException("page", "a page number from 0 to " + MAX_PAGE, String.valueOf(page));
        }
        if (size < 1 || size > maxSize) {
            throw new InvalidParameterException("size", "a page size from 1 to " + maxSize, String.valueOf(size));
        }
        return new PageRequest(page, size);
    }

    public int offset() {
        return page * size;
    }
}
