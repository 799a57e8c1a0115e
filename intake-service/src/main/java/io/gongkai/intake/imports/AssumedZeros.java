package io.gongkai.intake.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.api.InvalidParameterException;
import io.gongkai.contracts.form.AmountUnit;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.FormNode;
import io.gongkai.contracts.form.Severity;
import io.gongkai.contracts.form.StatisticsJson;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Cells the operator confirms were left out of a published report because they were zero (assumeZero: JSON pointers
 * of cells or of whole rows and blocks). Only cells the document did not give become zero, and the version keeps a
 * warning that names each of them; a cell the document gave is never overwritten.
 */
final class AssumedZeros {

    static final String RULE = "IMPORT.ASSUMED_ZERO";
    /** More pointers than the form has groups and cells is no confirmation anyone made by hand. */
    static final int MAX_POINTERS = 300;

    private AssumedZeros() {
    }

    /** What applying the operator's pointers gives. */
    record Applied(ObjectNode submission, List<String> zeroed, List<Finding> remaining, Finding warning) {
    }

    /**
     * Sets the cells under the pointers that are null in the submission to zero.
     *
     * @throws InvalidParameterException for a pointer that is no cell, row or block of the form
     */
    static Applied apply(FormDefinition form, ObjectNode submission, List<Finding> findings, List<String> pointers) {
        if (pointers.size() > MAX_POINTERS) {
            throw new InvalidParameterException("assumeZero", "at most " + MAX_POINTERS + " JSON pointers",
                    pointers.size() + " pointers");
        }
        ObjectNode copy = submission.deepCopy();
        Set<String> zeroed = new LinkedHashSet<>();
        for (String pointer : pointers) {
            FormNode node = node(form, pointer);
            List<Cell> cells = node.isCell() ? List.of(node.cell().orElseThrow())
                    : node.descendants().stream().flatMap(n -> n.cell().stream()).toList();
            for (Cell cell : cells) {
                JsonNode value = copy.at(cell.pointer());
                if (value.isNull()) {
                    ObjectNode parent = (ObjectNode) copy.at(cell.pointer().substring(0, cell.pointer().lastIndexOf('/')));
                    String field = cell.pointer().substring(cell.pointer().lastIndexOf('/') + 1);
                    if (cell.unitInReport()) {
                        ObjectNode amount = parent.putObject(field);
                        amount.put(StatisticsJson.AMOUNT, BigDecimal.ZERO);
                        amount.put(StatisticsJson.UNIT, AmountUnit.WAN_YUAN.label());
                    } else {
                        parent.put(field, BigDecimal.ZERO);
                    }
                    zeroed.add(cell.pointer());
                }
            }
        }
        List<Finding> remaining = new ArrayList<>();
        for (Finding finding : findings) {
            boolean settled = finding.rule().equals("M") && !finding.pointers().isEmpty()
                    && zeroed.containsAll(cellsUnder(form, finding.pointers()));
            if (!settled) {
                remaining.add(finding);
            }
        }
        Finding warning = zeroed.isEmpty() ? null : new Finding(RULE, Severity.WARNING, List.copyOf(zeroed), "0", null,
                zeroed.size() + " cell(s) not printed in the published report were taken as 0, as the importer confirmed");
        return new Applied(copy, List.copyOf(zeroed), remaining, warning);
    }

    private static Set<String> cellsUnder(FormDefinition form, List<String> pointers) {
        Set<String> cells = new LinkedHashSet<>();
        for (String pointer : pointers) {
            form.cells().stream().map(Cell::pointer).filter(p -> p.equals(pointer) || p.startsWith(pointer + "/"))
                    .forEach(cells::add);
        }
        return cells;
    }

    private static FormNode node(FormDefinition form, String pointer) {
        if (pointer != null && pointer.startsWith("/") && pointer.length() <= 120) {
            for (FormNode node : form.root().descendants()) {
                if (node.pointer().equals(pointer)) {
                    return node;
                }
            }
        }
        throw new InvalidParameterException("assumeZero", "the JSON pointer of a cell, row or block of the form, e.g."
                + " /reviewLitigation/review", pointer == null ? "" : pointer);
    }
}
