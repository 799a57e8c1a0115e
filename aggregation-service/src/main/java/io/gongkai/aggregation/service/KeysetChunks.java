package io.gongkai.aggregation.service;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * Walks rows ordered by a unique key (a code, an ancestry) a chunk at a time, each chunk read after the last key of
 * the one before: memory holds one chunk however many rows there are, and a row added or removed meanwhile shifts
 * nothing (as an offset would).
 */
final class KeysetChunks {

    private KeysetChunks() {
    }

    /** Reads at most limit rows whose keys follow the given one (empty for the first), in key order. */
    @FunctionalInterface
    interface Reader<T> {
        List<T> after(String key, int limit);
    }

    @FunctionalInterface
    interface RowWriter<T> {
        void write(T row) throws IOException;
    }

    static <T> void forEach(Reader<T> reader, int chunk, Function<T, String> key, RowWriter<T> writer) throws IOException {
        String after = "";
        while (true) {
            List<T> rows = reader.after(after, chunk);
            for (T row : rows) {
                writer.write(row);
            }
            if (rows.size() < chunk) {
                return;
            }
            after = key.apply(rows.get(rows.size() - 1));
        }
    }
}
