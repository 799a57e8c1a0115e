package io.gongkai.intake.imports;

import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.Forms;
import io.gongkai.intake.imports.PrintedRows.PrintedRow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every form says how its rows are printed: each of its cells in exactly one printed row, in the form's order. */
class PrintedRowsTest {

    @Test
    void everyFormsPrintedRowsHoldEachOfItsCellsOnceInOrder() {
        for (FormDefinition form : Forms.all()) {
            List<Cell> printed = PrintedRows.of(form).rows().stream().flatMap(row -> row.cells().stream()).toList();
            assertThat(printed).as("form " + form.version()).containsExactlyElementsOf(form.cells());
        }
    }

    @Test
    void theTrialFormPrintsOtherProcessingAsOneRowAndTellsItsTableTwoByItsOwnWords() {
        PrintedRows trial = PrintedRows.of(Forms.require("2019"));
        PrintedRow other = trial.row("applications.results.other").orElseThrow();
        assertThat(other.cells()).hasSize(7);
        assertThat(other.printedAlike(PrintedRows.of(Forms.require("2021")).row("applications.results.granted").orElseThrow()))
                .isFalse();
        assertThat(trial.rows().stream().filter(row -> row.table().equals("二")).flatMap(row -> row.marks().stream()))
                .contains("对外公开总数量", "上一年项目数量", "政府集中采购");
        assertThat(PrintedRows.of(Forms.require("2021")).rows().stream().flatMap(row -> row.marks().stream()))
                .contains("现行有效件数", "本年收费金额", "逾期不补正").doesNotContain("对外公开总数量");
        assertThat(trial.row("applications.newReceived").orElseThrow()
                .printedAlike(PrintedRows.of(Forms.require("2021")).row("applications.newReceived").orElseThrow())).isTrue();
    }
}
