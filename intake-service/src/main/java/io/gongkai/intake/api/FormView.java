package io.gongkai.intake.api;

import io.gongkai.contracts.form.Applicability;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellType;
import io.gongkai.contracts.form.Equation;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.Period;
import io.gongkai.contracts.form.Rule;
import io.gongkai.contracts.form.Severity;
import io.gongkai.contracts.form.Term;

import java.util.List;

/** A form version as published by the API: every cell with its official labels, and every rule. */
public record FormView(String version, String title, int firstReportYear, List<CellView> cells, List<RuleView> rules) {

    public static FormView of(FormDefinition form) {
        return new FormView(form.version(), form.title(), form.firstReportYear(),
                form.cells().stream().map(CellView::of).toList(), form.rules().stream().map(RuleView::of).toList());
    }

    public record CellView(String key, String pointer, String table, String caption, String rowLabel,
            String columnLabel, String unit, CellType type, String label) {
        static CellView of(Cell cell) {
            return new CellView(cell.key(), cell.pointer(), cell.table(), cell.caption(), cell.rowLabel(),
                    cell.columnLabel(), cell.unit(), cell.type(), cell.label());
        }
    }

    public record RuleView(String id, Severity severity, String statement, String standing, Applicability appliesTo,
            boolean crossYear, List<EquationView> equations) {
        static RuleView of(Rule rule) {
            return new RuleView(rule.id(), rule.severity(), rule.statement(), rule.standing(), rule.appliesTo(),
                    rule.crossYear(), rule.equations().stream().map(EquationView::of).toList());
        }
    }

    /** The sum of the left terms equals the sum of the right terms; an empty side is zero. */
    public record EquationView(List<TermView> left, List<TermView> right, String text) {
        static EquationView of(Equation equation) {
            return new EquationView(equation.left().stream().map(TermView::of).toList(),
                    equation.right().stream().map(TermView::of).toList(), equation.toString());
        }
    }

    public record TermView(String cell, Period period) {
        static TermView of(Term term) {
            return new TermView(term.cellKey(), term.period());
        }
    }
}
