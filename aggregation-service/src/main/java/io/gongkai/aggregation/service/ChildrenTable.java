package io.gongkai.aggregation.service;

import io.gongkai.aggregation.mapping.Table;
import io.gongkai.aggregation.mapping.TableWriter;
import io.gongkai.contracts.form.FormDefinition;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A unit's children table as a file: one row per child, by code, with the figures the JSON rows carry (reports
 * summed and reporting status, under the JSON's names) and then every cell of the year's form in form order, headed
 * by its official label. A child without reports has zero totals, as in the JSON.
 */
final class ChildrenTable implements Table {

    static final List<String> COLUMNS = List.of("code", "name", "kind", "reports", "expected", "received",
            "missingCount", "onTime", "late");

    private final FormColumns cells;
    private final KeysetChunks.Reader<ChildRow> children;
    private final int chunk;

    ChildrenTable(FormDefinition form, KeysetChunks.Reader<ChildRow> children, int chunk) {
        this.cells = new FormColumns(form);
        this.children = children;
        this.chunk = chunk;
    }

    @Override
    public List<String> header() {
        List<String> header = new ArrayList<>(COLUMNS);
        header.addAll(cells.header());
        return header;
    }

    @Override
    public void writeRows(TableWriter writer) throws IOException {
        KeysetChunks.forEach(children, chunk, row -> row.unit().code(), row -> {
            writer.text(row.unit().code());
            writer.text(row.unit().name());
            writer.text(row.unit().kind().name());
            writer.number(BigDecimal.valueOf(row.totals().reports()));
            writer.number(BigDecimal.valueOf(row.reporting().expected()));
            writer.number(BigDecimal.valueOf(row.reporting().received()));
            writer.number(BigDecimal.valueOf(row.reporting().missingCount()));
            writer.number(BigDecimal.valueOf(row.reporting().onTime()));
            writer.number(BigDecimal.valueOf(row.reporting().late()));
            cells.write(row.totals().cells(), writer);
            writer.endRow();
        });
    }
}
