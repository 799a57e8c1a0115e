package io.gongkai.contracts.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The values of an SQL {@code IN (?, ?, ...)} list, padded to a power of two by repeating the last value, so that
 * the server keeps a few prepared statements (1, 2, 4, ... placeholders), not one per list length.
 */
public final class InList<T> {

    private final List<T> values;

    private InList(List<T> values) {
        this.values = values;
    }

    public static <T> InList<T> of(Collection<T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an IN list needs at least one value");
        }
        List<T> padded = new ArrayList<>(values);
        int size = Integer.highestOneBit(padded.size());
        size = size == padded.size() ? size : size << 1;
        T last = padded.get(padded.size() - 1);
        while (padded.size() < size) {
            padded.add(last);
        }
        return new InList<>(padded);
    }

    /** The values to bind, in order: the given ones, then the repeated last one. */
    public List<T> values() {
        return Collections.unmodifiableList(values);
    }

    /** {@code ?,?,...}: one placeholder per value. */
    public String placeholders() {
        return String.join(",", Collections.nCopies(values.size(), "?"));
    }
}
