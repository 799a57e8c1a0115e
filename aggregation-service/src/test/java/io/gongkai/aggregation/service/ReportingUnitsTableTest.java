package io.gongkai.aggregation.service;

import io.gongkai.aggregation.api.UnitSummary;
import io.gongkai.aggregation.mapping.CellsCodec;
import io.gongkai.aggregation.mapping.CsvTableWriter;
import io.gongkai.aggregation.model.UnitKind;
import io.gongkai.aggregation.repository.ReportingUnitLine;
import io.gongkai.aggregation.support.ExportFiles;
import io.gongkai.aggregation.support.ExportFiles.Rows;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.testing.ValidReports;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The reporting units of a year as a file, without a database: each row's cells in the form of the year exported. */
class ReportingUnitsTableTest {

    private static final UnitSummary COUNTY = new UnitSummary("640402", "原州区", UnitKind.COUNTY, "6404", 2);
    private static final Instant RECEIVED = Instant.parse("2021-01-20T02:00:00Z");

    @Test
    void aReportInTheYearsFormFillsItsCellsOneInAnotherFormLeavesThemBlankAndSaysWhichItFollows() throws IOException {
        CellValues trial = ValidReports.random(ValidReports.FORM_2019, new Random(2020), 30);
        CellValues current = ValidReports.random(ValidReports.FORM, new Random(2021), 30);
        List<ReportingUnitRow> lines = List.of(row("640402100", "2019", trial), row("640402101", "2021", current));
        ReportingUnitsTable table = new ReportingUnitsTable(ValidReports.FORM_2019,
                (after, limit) -> lines.stream().filter(row -> row.unit().ancestry().compareTo(after) > 0).limit(limit)
                        .toList(), 10, ZoneId.of("Asia/Shanghai"));

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        CsvTableWriter.write(table, csv);
        Rows rows = ExportFiles.csv(csv.toByteArray());

        assertThat(rows.header()).endsWith(ExportFiles.labels(ValidReports.FORM_2019).toArray(String[]::new));
        Map<String, String> inTheYearsForm = rows.row("640402100");
        assertThat(inTheYearsForm.get("formVersion")).isEqualTo("2019");
        assertThat(ExportFiles.cells(ValidReports.FORM_2019, inTheYearsForm::get)).isEqualTo(trial);
        Map<String, String> inAnotherForm = rows.row("640402101");
        assertThat(inAnotherForm.get("status")).isEqualTo("ON_TIME");
        assertThat(inAnotherForm.get("formVersion")).isEqualTo("2021");
        assertThat(ExportFiles.cells(ValidReports.FORM_2019, inAnotherForm::get)).as("not the 2019 form's cells").isNull();
    }

    private static ReportingUnitRow row(String code, String formVersion, CellValues cells) {
        ReportingUnitLine line = new ReportingUnitLine(code, code, UnitKind.TOWNSHIP, "CN/64/6404/640402/" + code + "/", 1,
                formVersion, RECEIVED, RECEIVED, true, CellsCodec.encode(cells));
        return new ReportingUnitRow(line, null, null, COUNTY);
    }
}
