package io.gongkai.aggregation.service;

import io.gongkai.aggregation.mapping.TableWriter;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.FormDefinition;

import java.io.IOException;
import java.util.List;

/**
 * The cells of one form as the last columns of an exported table, in form order, each headed by its official label
 * as held (采购总金额 with the 万元 it is held in). The form is the one of the year exported; figures in another form
 * (a unit that reported in the other form) are not these cells and leave the columns blank.
 */
final class FormColumns {

    private final FormDefinition form;

    FormColumns(FormDefinition form) {
        this.form = form;
    }

    List<String> header() {
        return form.cells().stream().map(Cell::heldLabel).toList();
    }

    /** One row's figures, exact; blanks when there are none or they are in another form. */
    void write(CellValues values, TableWriter writer) throws IOException {
        for (Cell cell : form.cells()) {
            if (values == null || values.form() != form) {
                writer.blank();
            } else {
                writer.number(values.get(cell));
            }
        }
    }
}
