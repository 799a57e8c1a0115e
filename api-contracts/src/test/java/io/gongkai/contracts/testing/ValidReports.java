package io.gongkai.contracts.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.FormNode;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.form.StatisticsJson;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds reports that pass their form's rules (R3.1–R4.1, R2.2 and 2019's P2.1): the parts of each row are random,
 * the totals derived from them, so any sum of them must pass the rules again. Without a form, reports are in the
 * 2021 form.
 */
public final class ValidReports {

    public static final FormDefinition FORM = Forms.require("2021");
    public static final FormDefinition FORM_2019 = Forms.require("2019");
    private static final String TOTAL = "total";
    private static final String DOCUMENTS = "activeDisclosure.normativeDocuments.";

    private ValidReports() {
    }

    /** A random valid report; counts up to about {@code scale}, the fee with six decimals. */
    public static CellValues random(Random random, int scale) {
        return following(FORM, random, scale, null);
    }

    /** A random valid report in the given form. */
    public static CellValues random(FormDefinition form, Random random, int scale) {
        return following(form, random, scale, null);
    }

    /** A random valid 2021-form report that passes the cross-year rules against the previous one. */
    public static CellValues following(Random random, int scale, CellValues previous) {
        return following(FORM, random, scale, previous);
    }

    /**
     * A random valid report in the given form that also passes the cross-year rules against the previous year's
     * report (when one is given, in either form): carried-over applications equal last year's carried-forward ones;
     * documents in force (2021) or made public in total (2019) follow from last year's when both reports are in the
     * same form.
     */
    public static CellValues following(FormDefinition form, Random random, int scale, CellValues previous) {
        CellValues.Builder values = CellValues.builder(form);
        form.cells().forEach(cell -> values.set(cell, BigDecimal.ZERO));
        for (Cell cell : form.cells()) {
            if (cell.table().equals("二") && !cell.key().startsWith("activeDisclosure.regulations.")) {
                values.set(cell, activeDisclosure(cell, random, scale));
            }
        }
        CellValues sameForm = previous != null && previous.form() == form ? previous : null;
        if (form.cell(DOCUMENTS + "inForce").isPresent()) {
            BigDecimal issued = count(random, scale);
            BigDecimal inForceBefore = sameForm == null ? count(random, scale * 5) : sameForm.get(DOCUMENTS + "inForce");
            BigDecimal repealed = BigDecimal.valueOf(random.nextInt(inForceBefore.add(issued).intValueExact() + 1));
            values.set(DOCUMENTS + "issued", issued);
            values.set(DOCUMENTS + "repealed", repealed);
            values.set(DOCUMENTS + "inForce", inForceBefore.add(issued).subtract(repealed));
        }
        if (form.cell(DOCUMENTS + "totalPublished").isPresent()) {
            BigDecimal published = count(random, scale);
            BigDecimal before = sameForm == null ? count(random, scale * 5) : sameForm.get(DOCUMENTS + "totalPublished");
            values.set(DOCUMENTS + "newlyMade", published.add(count(random, 2)));
            values.set(DOCUMENTS + "newlyPublished", published);
            values.set(DOCUMENTS + "totalPublished", before.add(published));
        }
        FormNode applications = form.group("applications");
        List<FormNode> resultRows = rows(form.group("applications.results")).stream()

                .filter(row -> !row.path().equals("applications.results.total")).toList();
        List<String> columns = applications.children().get("newReceived").children().keySet().stream()
                .filter(c -> !c.equals(TOTAL)).toList();
        for (String column : columns) {
            BigDecimal resultTotal = BigDecimal.ZERO;
            for (FormNode row : resultRows) {
                BigDecimal value = count(random, random.nextInt(4) == 0 ? scale : 1);
                values.set(row.path() + "." + column, value);
                resultTotal = resultTotal.add(value);
            }
            BigDecimal carriedForward = count(random, scale);
            BigDecimal carriedOver = previous != null ? previous.get("applications.carriedForward." + column)
                    : BigDecimal.valueOf(random.nextInt(resultTotal.add(carriedForward).intValueExact() + 1));
            if (resultTotal.add(carriedForward).compareTo(carriedOver) < 0) {
                carriedForward = carriedOver.subtract(resultTotal);
            }
            values.set("applications.results.total." + column, resultTotal);
            values.set("applications.carriedForward." + column, carriedForward);
            values.set("applications.carriedOver." + column, carriedOver);
            values.set("applications.newReceived." + column, resultTotal.add(carriedForward).subtract(carriedOver));
        }
        CellValues partial = values.build();
        for (FormNode row : rows(applications)) {
            values.set(row.path() + "." + TOTAL, columns.stream().map(c -> partial.get(row.path() + "." + c))
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        for (FormNode block : form.group("reviewLitigation").children().values()) {
            BigDecimal total = BigDecimal.ZERO;
            for (Map.Entry<String, FormNode> column : block.children().entrySet()) {
                if (!column.getKey().equals(TOTAL)) {
                    BigDecimal value = count(random, scale);
                    values.set(column.getValue().cell().orElseThrow(), value);
                    total = total.add(value);
                }
            }
            values.set(block.path() + "." + TOTAL, total);
        }
        return values.build();
    }

    /** A figure of table 二 other than 规章 (which county-level units cannot make). */
    private static BigDecimal activeDisclosure(Cell cell, Random random, int scale) {
        return switch (cell.type()) {
            case COUNT -> count(random, scale * 10);
            case SIGNED_COUNT -> BigDecimal.valueOf(random.nextInt(2 * scale + 1) - scale);
            case AMOUNT -> BigDecimal.valueOf(random.nextInt(scale * 1000 + 1))
                    .add(BigDecimal.valueOf(random.nextInt(1_000_000), 6));
        };
    }

    /** The sum of reports, cell by cell, in the form of the first (the 2021 form when there are none). */
    public static CellValues sum(Iterable<CellValues> reports) {
        CellValues sum = null;
        for (CellValues report : reports) {
            sum = sum == null ? report : sum.plus(report);
        }
        return sum == null ? CellValues.zero(FORM) : sum;
    }

    /** A submission as intake accepts it: unit, year, form version and the statistics. */
    public static ObjectNode submission(String code, String name, String parentCode, int year, CellValues cells) {
        ObjectNode submission = StatisticsJson.NODES.objectNode();
        ObjectNode unit = submission.putObject("unit");
        unit.put("code", code);
        unit.put("name", name);
        if (parentCode == null) {
            unit.putNull("parentCode");
        } else {
            unit.put("parentCode", parentCode);
        }
        submission.put("year", year);
        submission.put("formVersion", cells.form().version());
        submission.setAll(StatisticsJson.write(cells));
        return submission;
    }

    /** The groups below a node whose children are all cells: the rows of a table. */
    private static List<FormNode> rows(FormNode group) {
        return group.descendants().stream()
                .filter(n -> !n.isCell() && n.children().values().stream().allMatch(FormNode::isCell)).toList();
    }

    private static BigDecimal count(Random random, int bound) {
        return BigDecimal.valueOf(random.nextInt(Math.max(bound, 0) + 1));
    }

    /** Every cell key, for readable assertion messages. */
    public static List<String> keys() {
        return FORM.cells().stream().map(Cell::key).toList();
    }
}
