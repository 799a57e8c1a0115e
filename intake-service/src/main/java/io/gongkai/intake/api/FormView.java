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

import java.math.BigDecimal;
import java.util.List;

/** A form version as published by the API: every cell with its official labels, and every rule. */
public record FormView(String version, String title, int firstReportYear, List<CellView> cells, List<RuleView> rules) {

    public static FormView of(FormDefinition form) {
        return new FormView(form.version(), form.title(), form.firstReportYear(),
                form.cells().stream().map(CellView::of).toList(), form.rules().stream().map(RuleView::of).toList());
    }

    /**
     * @param unit         the unit the form prints, or "unstated" when the report gives it with the amount
     * @param unitInReport whether the submission gives the cell as {"amount": 251000, "unit": "元"}
     * @param valueUnit    the unit the cell's value is held and totalled in
     */
    public record CellView(String key, String pointer, String table, String caption, String rowLabel,
            String columnLabel, String unit, boolean unitInReport, String valueUnit, CellType type,
            BigDecimal minValue, BigDecimal maxValue, String label) {
        static CellView of(Cell cell) {
            return new CellView(cell.key(), cell.pointer(), cell.table(), cell.caption(), cell.rowLabel(),
                    cell.columnLabel(), cell.unit(), cell.unitInReport(), cell.valueUnit(), cell.type(),
                    cell.type().minValue(), cell.type().maxValue(), cell.label());
        }
    }

    /**
     * @param crossYear   whether the rule compares a report with the same unit's report of the year before
     * @param acrossForms for a cross-year rule: whether it also compares with a previous report in another form
     */
    public record RuleView(String id, Severity severity, String statement, String standing, Applicability appliesTo,
            boolean crossYear, boolean acrossForms, List<EquationView> equations) {
        static RuleView of(Rule rule) {
            return new RuleView(rule.id(), rule.severity(), rule.statement(), rule.standing(), rule.appliesTo(),
                    rule.crossYear(), rule.crossYear() && rule.acrossForms(),
                    rule.equations().stream().map(EquationView::of).toList());
        }
    }

    /** The sum of the left terms equals (or is at most) the sum of the right terms; an empty side is zero. */
    public record EquationView(List<TermView> left, Equation.Relation relation, List<TermView> right, String text) {
        static EquationView of(Equation equation) {
            return new EquationView(equation.left().stream().map(TermView::of).toList(), equation.relation(),
                    equation.right().stream().map(TermView::of).toList(), equation.toString());
        }
    }

    public record TermView(String cell, Period period) {
        static TermView of(Term term) {
            return new TermView(term.cellKey(), term.period());
        }
    }
}
