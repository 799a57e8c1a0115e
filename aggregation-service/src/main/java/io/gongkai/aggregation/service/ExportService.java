package io.gongkai.aggregation.service;

import io.gongkai.aggregation.config.ExportsConfig;
import io.gongkai.aggregation.config.ReadsConfig;
import io.gongkai.aggregation.config.ReportingConfig;
import io.gongkai.aggregation.mapping.TableFormat;
import io.gongkai.aggregation.mapping.XlsxTableWriter;
import io.gongkai.aggregation.model.Unit;
import io.gongkai.contracts.form.FormDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tables as files. Each checks its unit and year first, so that an unknown unit or year is a 404 or 400 before any
 * byte of the file; then the table reads the database a chunk at a time while it is written, never in one
 * transaction, so no export holds a connection or a snapshot while its client reads.
 */
@ApplicationScoped
public class ExportService {

    private final HierarchyService hierarchy;
    private final AggregateService aggregates;
    private final ReportingUnitsService reportingUnits;
    private final ExportSlots slots;
    private final ExportsConfig config;
    private final ReadsConfig reads;
    private final ReportingConfig reporting;

    public ExportService(HierarchyService hierarchy, AggregateService aggregates, ReportingUnitsService reportingUnits,
            ExportSlots slots, ExportsConfig config, ReadsConfig reads, ReportingConfig reporting) {
        this.hierarchy = hierarchy;
        this.aggregates = aggregates;
        this.reportingUnits = reportingUnits;
        this.slots = slots;
        this.config = config;
        this.reads = reads;
        this.reporting = reporting;
    }

    /**
     * The whole children table of a unit as CSV, read as many children at a time as a JSON page may hold. It takes no
     * export slot: a unit has at most 52 division children (the largest county) plus its departments.
     */
    public Export children(String code, int year, FormDefinition form) {
        Unit unit = hierarchy.require(code);
        ChildrenTable table = new ChildrenTable(form, (after, limit) -> aggregates.childrenAfter(unit.code, year, form, after,
                limit), reads.childrenMaxPageSize());
        String otherForm = form == AggregateService.formFor(year) ? "" : "-form" + form.version();
        return new Export(unit.code + "-" + year + "-children" + otherForm + ".csv", TableFormat.CSV, unit.code + " " + year,
                table, null);
    }

    /**
     * Every township and department below a unit (itself, when it is one), with its report of the year, in the format
     * asked for. Takes an export slot, or is refused with {@link ExportsBusyException}; the slot is the caller's to
     * give back by writing or closing the export.
     */
    public Export reportingUnits(String code, int year, TableFormat format) {
        Unit unit = hierarchy.require(code);
        FormDefinition form = AggregateService.formFor(year);
        if (format == TableFormat.XLSX && unit.expected >= XlsxTableWriter.MAX_ROWS) {
            throw new InvalidRequestException(unit.expected + " reporting units are more rows than one sheet holds ("
                    + (XlsxTableWriter.MAX_ROWS - 1) + "); ask for format=csv");
        }
        ReportingUnitsTable table = new ReportingUnitsTable(form,
                (after, limit) -> reportingUnits.after(unit, year, after, limit), config.chunkUnits(), reporting.zone());
        return new Export(unit.code + "-" + year + "-units." + format.extension(), format, unit.code + " " + year, table,
                slots.take());
    }
}
