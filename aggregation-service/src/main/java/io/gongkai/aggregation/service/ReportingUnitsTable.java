package io.gongkai.aggregation.service;

import io.gongkai.aggregation.api.UnitSummary;
import io.gongkai.aggregation.mapping.CellsCodec;
import io.gongkai.aggregation.mapping.Table;
import io.gongkai.aggregation.mapping.TableWriter;
import io.gongkai.aggregation.repository.ReportingUnitLine;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.Forms;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Every township and department below a unit as a file, in hierarchy order: each after the governments above it,
 * which is code order for division codes and for departments' codes (their government's code, a hyphen, their own).
 * Where it sits (province, city, county), whether it
 * reported and when, the form its report follows, and every cell of the year's form in form order under the cell's
 * official label. A unit that has not reported has blank cells, never zeros; so has one whose report follows another
 * form than the year's (its form says so). A row's cells are decoded from their stored text only while the row is
 * written.
 */
final class ReportingUnitsTable implements Table {

    static final List<String> COLUMNS = List.of("code", "name", "kind", "provinceCode", "provinceName", "cityCode",
            "cityName", "countyCode", "countyName", "status", "version", "formVersion", "firstReceivedAt",
            "receivedAt");
    static final String ON_TIME = "ON_TIME";
    static final String LATE = "LATE";
    static final String MISSING = "MISSING";

    private final FormColumns cells;
    private final KeysetChunks.Reader<ReportingUnitRow> units;
    private final int chunk;
    private final DateTimeFormatter times;

    /** @param zone the zone of the reporting deadline, in which times are shown (with their offset) */
    ReportingUnitsTable(FormDefinition form, KeysetChunks.Reader<ReportingUnitRow> units, int chunk, ZoneId zone) {
        this.cells = new FormColumns(form);
        this.units = units;
        this.chunk = chunk;
        this.times = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
    }

    @Override
    public List<String> header() {
        List<String> header = new ArrayList<>(COLUMNS);
        header.addAll(cells.header());
        return header;
    }

    @Override
    public void writeRows(TableWriter writer) throws IOException {
        KeysetChunks.forEach(units, chunk, row -> row.unit().ancestry(), row -> write(row, writer));
    }

    private void write(ReportingUnitRow row, TableWriter writer) throws IOException {
        ReportingUnitLine unit = row.unit();
        writer.text(unit.code());
        writer.text(unit.name());
        writer.text(unit.kind().name());
        for (UnitSummary government : new UnitSummary[] {row.province(), row.city(), row.county()}) {
            writer.text(government == null ? null : government.code());
            writer.text(government == null ? null : government.name());
        }
        if (!unit.reported()) {
            writer.text(MISSING);
            for (int blank = 0; blank < 4; blank++) {
                writer.blank();
            }
            cells.write(null, writer);
            writer.endRow();
            return;
        }
        writer.text(Boolean.TRUE.equals(unit.onTime()) ? ON_TIME : LATE);
        writer.number(BigDecimal.valueOf(unit.version()));
        writer.text(unit.formVersion());
        writer.text(time(unit.firstReceivedAt()));
        writer.text(time(unit.receivedAt()));
        FormDefinition form = Forms.byVersion(unit.formVersion()).orElseThrow(() -> new IllegalStateException(
                "the report of " + unit.code() + " follows unknown form " + unit.formVersion()));
        cells.write(CellsCodec.decode(form, unit.cells()), writer);
        writer.endRow();
    }

    private String time(Instant instant) {
        return instant == null ? null : times.format(instant);
    }
}
