package io.gongkai.intake.imports;

import io.gongkai.contracts.form.AmountUnit;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.Finding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unit of an amount the form prints without one (2019's 采购总金额), as the report gives it: inside the cell
 * ("251000元"), in the column heading (采购总金额（万元）) or in the row label (政府集中采购（单位：元）). A report that
 * gives none, or gives two that differ, is named: the amount is then kept without a unit.
 */
final class AmountUnits {

    static final String RULE = "IMPORT.UNIT";

    /** A unit in brackets, as headings and labels print it once normalised: (万元), (单位:元). */
    private static final String IN_BRACKETS = "\\((?:单位:?)?(万元|元)\\)";
    private static final Pattern LABEL_UNIT = Pattern.compile(IN_BRACKETS);
    private static final Pattern AFTER_FIGURE = Pattern.compile("\\s?(万元|元)");

    private AmountUnits() {
    }

    /**
     * Where the row of an amount stands in the document.
     *
     * @param headingFrom where the text that may hold its column heading starts (the previous row's label)
     * @param labelStart  where its row label starts
     * @param labelEnd    where the label's words end
     */
    record Place(int headingFrom, int labelStart, int labelEnd) {
    }

    /** The unit the report gives the amount of a cell read from this row, or empty with a finding that says why. */
    static Optional<AmountUnit> of(String document, Cell cell, RowReading reading, Place place, List<Finding> findings) {
        Map<String, AmountUnit> found = new LinkedHashMap<>();
        inCell(document, cell, reading).ifPresent(unit -> found.put("in the cell", unit));
        String label = unspaced(document.substring(place.labelEnd(), Math.max(place.labelEnd(), reading.run().start())));
        first(LABEL_UNIT.matcher(label)).ifPresent(unit -> found.put("in the row label", unit));
        String heading = unspaced(document.substring(place.headingFrom(), place.labelStart()));
        first(Pattern.compile(Pattern.quote(unspaced(cell.columnLabel())) + IN_BRACKETS).matcher(heading))
                .ifPresent(unit -> found.put("in the column heading", unit));
        String unitPointer = cell.pointer() + "/unit";
        if (found.isEmpty()) {
            findings.add(Finding.warning(RULE, unitPointer, "元 or 万元", null, "the report gives no unit for "
                    + cell.label() + " (not in the cell, its column heading or its row label): the amount is kept as"
                    + " printed, without one"));
            return Optional.empty();
        }
        if (found.values().stream().distinct().count() > 1) {
            findings.add(Finding.warning(RULE, unitPointer, "one unit", found.toString(), "the report gives "
                    + cell.label() + " in two units: the amount is kept as printed, without one"));
            return Optional.empty();
        }
        return Optional.of(found.values().iterator().next());
    }

    /** A unit printed inside the cell: in its own field, or after the last figure of a run. */
    private static Optional<AmountUnit> inCell(String document, Cell cell, RowReading reading) {
        AmountUnit inField = reading.units().get(cell.key());
        if (inField != null || reading.run().positional()) {
            return Optional.ofNullable(inField);
        }
        List<Cell> cells = reading.row().cells();
        if (!cells.get(cells.size() - 1).equals(cell)) {
            return Optional.empty();
        }
        Matcher after = AFTER_FIGURE.matcher(document).region(reading.run().end(), document.length());
        return after.lookingAt() ? AmountUnit.of(after.group(1)) : Optional.empty();
    }

    private static Optional<AmountUnit> first(Matcher matcher) {
        return matcher.find() ? AmountUnit.of(matcher.group(1)) : Optional.empty();
    }

    private static String unspaced(String text) {
        return text.replaceAll("\\s+", "");
    }
}
