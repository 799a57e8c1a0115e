package io.gongkai.aggregation.mapping;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Receives a table cell by cell, row by row, and encodes it as it comes (CSV, XLSX): nothing is kept beyond what
 * the encoding itself needs, so a table of any length costs the same memory.
 */
public interface TableWriter {

    /** A text field; null is a blank one. */
    void text(String value) throws IOException;

    /** A number, exactly as given. */
    void number(BigDecimal value) throws IOException;

    /** An empty field: no value, which is not zero. */
    void blank() throws IOException;

    void endRow() throws IOException;
}
