package io.gongkai.aggregation.mapping;

import java.io.IOException;
import java.util.List;

/** A table that writes its rows one at a time, reading them from wherever they are as it goes. */
public interface Table {

    /** The column headers, in column order. */
    List<String> header();

    /** Writes every row, in order, without the header. */
    void writeRows(TableWriter writer) throws IOException;
}
