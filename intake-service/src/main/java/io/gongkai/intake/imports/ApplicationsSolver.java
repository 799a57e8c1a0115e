package io.gongkai.intake.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Settles the rows of table 三 that ran together and split more than one way, with the rules that run down its
 * columns: R3.1 (新收 + 结转 = 办理结果总计 + 结转下年度) and R3.2 (办理结果总计 = the 21 result rows). Every combination
 * of the rows' readings that keeps both rules is a solution; a reading no solution uses is dropped. When no
 * combination keeps the rules (the figures break them as printed), or the search would take too long, nothing is
 * dropped. A row is then settled only in the cells all its remaining readings agree on.
 */
final class ApplicationsSolver {

    /** Steps the search may take before it gives up and drops nothing. */
    static final int MAX_STEPS = 200_000;

    /** Larger figures are not counts; sums of up to 30 of them stay far inside a long. */
    private static final BigDecimal LARGEST_COUNT = BigDecimal.valueOf(1_000_000_000_000L);

    private final List<List<long[]>> options;
    private final int newReceived;
    private final int carriedOver;
    private final int resultsTotal;
    private final int carriedForward;
    private final List<Integer> results;
    private final int columns;
    private final List<BitSet> used = new ArrayList<>();
    private final int[] chosen;
    private int steps;
    private boolean exhausted;
    private boolean solved;

    /**
     * @param readings the readings of each row of table 三 in form order; null for a row that could not be read
     * @param paths    the rows' group paths, in the same order
     */
    private ApplicationsSolver(List<List<BigDecimal[]>> readings, List<String> paths) {
        this.options = readings.stream().map(ApplicationsSolver::asLongs).toList();
        this.newReceived = paths.indexOf("applications.newReceived");
        this.carriedOver = paths.indexOf("applications.carriedOver");
        this.resultsTotal = paths.indexOf("applications.results.total");
        this.carriedForward = paths.indexOf("applications.carriedForward");
        this.results = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            if (paths.get(i).startsWith("applications.results.") && i != resultsTotal) {
                results.add(i);
            }
        }
        this.columns = readings.stream().filter(r -> r != null && !r.isEmpty()).findFirst().map(r -> r.get(0).length).orElse(0);
        this.chosen = new int[readings.size()];
        options.forEach(o -> used.add(new BitSet()));
    }

    /**
     * What the rules leave of the rows' readings.
     *
     * @param remaining  for each row, the indexes of its readings that remain possible (all of them when nothing could
     *                   be dropped); a row without readings keeps none
     * @param rulesBroken whether no combination of the readings keeps R3.1 and R3.2: the figures as printed break
     *                   them, so a reading made by splitting figures with the rules cannot be trusted
     */
    record Outcome(List<BitSet> remaining, boolean rulesBroken) {
    }

    static Outcome settle(List<List<BigDecimal[]>> readings, List<String> paths) {
        ApplicationsSolver solver = new ApplicationsSolver(readings, paths);
        List<Integer> order = new ArrayList<>();
        for (int row : List.of(solver.resultsTotal, solver.newReceived, solver.carriedOver, solver.carriedForward)) {
            if (row >= 0) {
                order.add(row);
            }
        }
        order.addAll(solver.results);
        solver.search(order, 0);
        List<BitSet> remaining = new ArrayList<>();
        for (int row = 0; row < readings.size(); row++) {
            List<long[]> rowOptions = solver.options.get(row);
            BitSet all = new BitSet();
            if (rowOptions != null) {
                all.set(0, rowOptions.size());
            }
            remaining.add(solver.solved && !solver.exhausted ? solver.used.get(row) : all);
        }
        return new Outcome(remaining, !solver.solved && !solver.exhausted);
    }

    private void search(List<Integer> order, int depth) {
        if (exhausted || ++steps > MAX_STEPS) {
            exhausted = true;
            return;
        }
        if (depth == order.size()) {
            if (keepsResultsRule()) {
                solved = true;
                for (int row : order) {
                    if (options.get(row) != null) {
                        used.get(row).set(chosen[row]);
                    }
                }
            }
            return;
        }
        int row = order.get(depth);
        List<long[]> rowOptions = options.get(row);
        int count = rowOptions == null ? 1 : rowOptions.size();
        for (int option = 0; option < count; option++) {
            chosen[row] = option;
            if (depth == 3 && !keepsBalanceRule()) {
                continue;
            }
            if (depth >= 4 && exceedsTotal(order, depth)) {
                continue;
            }
            search(order, depth + 1);
        }
    }

    /** R3.1, in every column where all four rows are known. */
    private boolean keepsBalanceRule() {
        for (int c = 0; c < columns; c++) {
            Long in = sum(c, newReceived, carriedOver);
            Long out = sum(c, resultsTotal, carriedForward);
            if (in != null && out != null && !in.equals(out)) {
                return false;
            }
        }
        return true;
    }

    /** R3.2, in every column where the total and all result rows are known. */
    private boolean keepsResultsRule() {
        for (int c = 0; c < columns; c++) {
            Long total = value(resultsTotal, c);
            Long sum = 0L;
            for (int row : results) {
                Long v = value(row, c);
                sum = v == null || sum == null ? null : sum + v;
            }
            if (total != null && sum != null && !total.equals(sum)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the result rows chosen so far already add up to more than the total in some column. */
    private boolean exceedsTotal(List<Integer> order, int depth) {
        for (int c = 0; c < columns; c++) {
            Long total = value(resultsTotal, c);
            if (total == null) {
                continue;
            }
            long sum = 0;
            for (int d = 4; d <= depth; d++) {
                Long v = value(order.get(d), c);
                sum += v == null ? 0 : v;
            }
            if (sum > total) {
                return true;
            }
        }
        return false;
    }

    private Long sum(int column, int a, int b) {
        Long x = value(a, column);
        Long y = value(b, column);
        return x == null || y == null ? null : x + y;
    }

    /** A chosen cell's value; null when the row or the cell is unknown. */
    private Long value(int row, int column) {
        if (row < 0) {
            return null;
        }
        List<long[]> rowOptions = options.get(row);
        if (rowOptions == null) {
            return null;
        }
        long v = rowOptions.get(chosen[row])[column];
        return v < 0 ? null : v;
    }

    /**
     * Readings as longs, -1 for a blank cell and for a figure that cannot be a count (a fraction, or more digits than
     * any count has): the rules then leave that cell out, and validation names it.
     */
    private static List<long[]> asLongs(List<BigDecimal[]> readings) {
        if (readings == null || readings.isEmpty()) {
            return null;
        }
        return readings.stream().map(r -> {
            long[] values = new long[r.length];
            for (int i = 0; i < r.length; i++) {
                values[i] = asCount(r[i]);
            }
            return values;
        }).toList();
    }

    private static long asCount(BigDecimal figure) {
        if (figure == null || figure.signum() < 0 || figure.compareTo(LARGEST_COUNT) > 0) {
            return -1;
        }
        try {
            return figure.longValueExact();
        } catch (ArithmeticException fraction) {
            return -1;
        }
    }
}
