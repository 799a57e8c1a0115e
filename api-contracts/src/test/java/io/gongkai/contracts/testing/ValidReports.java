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
 * Builds reports that pass the form's rules R3.1–R4.1 and R2.2: the parts of each row are random, the totals
 * derived from them, so any sum of them must pass the rules again.
 */
public final class ValidReports {

    public static final FormDefinition FORM = Forms.v2021();
    private static final String TOTAL = "total";

    private ValidReports() {
    }

    /** A random valid report; counts up to about {@code scale}, the fee with six decimals. */
    public static CellValues random(Random random, int scale) {
        return following(random, scale, null);
    }

    /**
     * A random valid report that also passes the cross-year rules X1 and X2 against the previous year's report
     * (when one is given): carried-over applications equal last year's carried-forward ones, and documents in force
     * follow from last year's, issued and repealed.
     */
    public static CellValues following(Random random, int scale, CellValues previous) {
        CellValues.Builder values = CellValues.builder(FORM);
        FORM.cells().forEach(cell -> values.set(cell, BigDecimal.ZERO));
        BigDecimal issued = count(random, scale);
        BigDecimal inForceBefore = previous == null ? count(random, scale * 5)
                : previous.get("activeDisclosure.normativeDocuments.inForce");
        BigDecimal repealed = BigDecimal.valueOf(random.nextInt(inForceBefore.add(issued).intValueExact() + 1));
        values.set("activeDisclosure.normativeDocuments.issued", issued);
        values.set("activeDisclosure.normativeDocuments.repealed", repealed);
        values.set("activeDisclosure.normativeDocuments.inForce", inForceBefore.add(issued).subtract(repealed));
        for (String row : List.of("licensing", "penalty", "coercion")) {
            values.set("activeDisclosure." + row + ".decisions", count(random, scale * 10));
        }
        values.set("activeDisclosure.fees.amountWanYuan",
                BigDecimal.valueOf(random.nextInt(scale * 1000 + 1)).add(BigDecimal.valueOf(random.nextInt(1_000_000), 6)));

        FormNode applications = FORM.group("applications");
        List<FormNode> resultRows = rows(FORM.group("applications.results")).stream()
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
        for (FormNode block : FORM.group("reviewLitigation").children().values()) {
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

    /** The sum of reports, cell by cell. */
    public static CellValues sum(Iterable<CellValues> reports) {
        CellValues sum = CellValues.zero(FORM);
        for (CellValues report : reports) {
            sum = sum.plus(report);
        }
        return sum;
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
        submission.put("formVersion", FORM.version());
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
