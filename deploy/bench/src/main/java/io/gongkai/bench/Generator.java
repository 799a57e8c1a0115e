package io.gongkai.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.divisions.Division;
import io.gongkai.contracts.divisions.DivisionLevel;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.FormNode;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.form.GovernmentLevel;
import io.gongkai.contracts.form.RuleEvaluator;
import io.gongkai.contracts.form.StatisticsJson;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deterministic, valid township reports, each in the form of its year ({@link Forms#forYear}). Each township's figures
 * depend only on the seed, its code and the version, so any subset (--scale) and the baselines see exactly the same
 * numbers.
 */
final class Generator {

    private static final String ACTIVE_DISCLOSURE = "activeDisclosure";

    static final int YEAR = 2024;
    /** The form of the benchmark's year: the shape of its reports and totals. */
    static final FormDefinition FORM = Forms.forYear(YEAR).orElseThrow();
    /**
     * The year of the intake warm-up's reports: an earlier year that no rule of {@link #YEAR} reads (the cross-year
     * rules read the year before only), so the warm-up changes neither the measured work nor its totals.
     */
    static final int WARMUP_YEAR = 2022;

    /** Relative weight of each applicant column: most applicants are natural persons. */
    private static final double[] COLUMN_WEIGHTS = {0.78, 0.12, 0.01, 0.02, 0.04, 0.03};

    private final long seed;
    private final ObjectMapper json = new ObjectMapper();

    Generator(long seed) {
        this.seed = seed;
    }

    /** The townships of the division table in code order, thinned evenly to {@code count} of them. */
    static List<Division> townships(int count) {
        List<Division> all = DivisionTable.national().all().stream()
                .filter(d -> d.level() == DivisionLevel.TOWNSHIP)
                .sorted(Comparator.comparing(Division::code)).toList();
        if (count >= all.size()) {
            return all;
        }
        List<Division> picked = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            picked.add(all.get((int) ((long) i * all.size() / count)));
        }
        return picked;
    }

    static int allTownships() {
        return (int) DivisionTable.national().all().stream().filter(d -> d.level() == DivisionLevel.TOWNSHIP).count();
    }

    /**
     * A township's figures for a year, version 1 (the original) or 2 (a correction), in the year's form; always
     * satisfies the form's same-year rules.
     */
    CellValues values(Division township, int year, int version) {
        FormDefinition form = Forms.forYear(year)
                .orElseThrow(() -> new IllegalArgumentException("no form covers the year " + year));
        Shape shape = Shape.of(form);
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + Long.parseLong(township.code()) * 7 + version);
        CellValues.Builder b = CellValues.builder(form);

        // 二、主动公开: each cell as townships fill it in, then the form's own rules over table 二 (R2.2, P2.1).
        Map<String, BigDecimal> disclosure = new LinkedHashMap<>();
        for (FormNode node : form.group(ACTIVE_DISCLOSURE).descendants()) {
            node.cell().ifPresent(cell -> disclosure.put(cell.key(), DisclosureFigures.draw(cell, random)));
        }
        DisclosureFigures.keepRules(form, disclosure);
        disclosure.forEach(b::set);

        // 三、申请: most townships 0-20 new applications, a few hundreds.
        int roll = random.nextInt(1000);
        int newTotal = roll < 300 ? 0 : roll < 950 ? random.nextInt(1, 21) : roll < 990 ? random.nextInt(21, 100)
                : random.nextInt(100, 700);
        List<String> columns = shape.columns();
        List<String> resultRows = shape.resultRows();
        long[] newReceived = split(random, newTotal, COLUMN_WEIGHTS);
        long[] carriedOver = new long[6];
        long[] carriedForward = new long[6];
        for (int c = 0; c < 6; c++) {
            carriedOver[c] = random.nextInt(10) < 8 ? 0 : random.nextInt(0, 3 + (int) newReceived[c] / 10);
            long open = newReceived[c] + carriedOver[c];
            carriedForward[c] = open == 0 || random.nextInt(10) < 7 ? 0 : random.nextLong(0, open / 5 + 2) % (open + 1);
        }
        double[] resultWeights = new double[resultRows.size()];
        for (int r = 0; r < resultWeights.length; r++) {
            resultWeights[r] = r == 0 ? 10 : r == 1 ? 2 : random.nextInt(4) == 0 ? random.nextDouble() : 0.05;
        }
        long[][] results = new long[resultRows.size()][6];
        for (int c = 0; c < 6; c++) {
            long[] perRow = split(random, newReceived[c] + carriedOver[c] - carriedForward[c], resultWeights);
            for (int r = 0; r < perRow.length; r++) {
                results[r][c] = perRow[r];
            }
        }
        row(b, columns, "applications.newReceived", newReceived);
        row(b, columns, "applications.carriedOver", carriedOver);
        row(b, columns, "applications.carriedForward", carriedForward);
        long[] resultTotal = new long[6];
        for (int r = 0; r < resultRows.size(); r++) {
            row(b, columns, resultRows.get(r), results[r]);
            for (int c = 0; c < 6; c++) {
                resultTotal[c] += results[r][c];
            }
        }
        row(b, columns, "applications.results.total", resultTotal);

        // 四、复议诉讼: usually nothing, sometimes a few cases.
        for (String review : shape.reviewRows()) {
            long upheld = 0, corrected = 0, other = 0, pending = 0;
            if (random.nextInt(100) < 12) {
                upheld = random.nextInt(0, 4);
                corrected = random.nextInt(3) == 0 ? random.nextInt(1, 3) : 0;
                other = random.nextInt(4) == 0 ? 1 : 0;
                pending = random.nextInt(3) == 0 ? random.nextInt(1, 3) : 0;
            }
            String p = "reviewLitigation." + review + ".";
            set(b, p + "upheld", upheld);
            set(b, p + "corrected", corrected);
            set(b, p + "other", other);
            set(b, p + "pending", pending);
            set(b, p + "total", upheld + corrected + other + pending);
        }

        CellValues values = b.build();
        List<Finding> findings = RuleEvaluator.sameYear(values, GovernmentLevel.TOWNSHIP);
        if (!values.isComplete() || !findings.isEmpty()) {
            throw new IllegalStateException("generated an invalid report for " + township.code() + ": " + findings);
        }
        return values;
    }

    /** The submission body for a township's figures of a year, in the form they were generated in. */
    byte[] body(Division township, CellValues values, int year) {
        ObjectNode root = StatisticsJson.NODES.objectNode();
        ObjectNode unit = root.putObject("unit");
        unit.put("code", township.code());
        unit.put("name", township.name());
        unit.putNull("parentCode");
        root.put("year", year);
        root.put("formVersion", values.form().version());
        root.setAll(StatisticsJson.write(values));
        try {
            return json.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Splits {@code total} into parts proportional to the weights (multinomial-ish, exact sum). */
    private static long[] split(SplittableRandom random, long total, double[] weights) {
        long[] parts = new long[weights.length];
        if (total == 0) {
            return parts;
        }
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        long assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            double jitter = 0.5 + random.nextDouble();
            parts[i] = (long) Math.floor(total * weights[i] / sum * jitter);
            assigned += parts[i];
        }
        while (assigned > total) { // jitter overshot: take back from the largest
            int largest = 0;
            for (int i = 1; i < parts.length; i++) {
                if (parts[i] > parts[largest]) {
                    largest = i;
                }
            }
            long take = Math.min(parts[largest], assigned - total);
            parts[largest] -= take;
            assigned -= take;
        }
        while (assigned < total) { // remainder goes to a weighted random part
            double pick = random.nextDouble() * sum;
            int i = 0;
            while (i < weights.length - 1 && pick >= weights[i]) {
                pick -= weights[i];
                i++;
            }
            parts[i]++;
            assigned++;
        }
        return parts;
    }

    private static void row(CellValues.Builder b, List<String> columns, String row, long[] figures) {
        long total = 0;
        for (int c = 0; c < 6; c++) {
            set(b, row + "." + columns.get(c), figures[c]);
            total += figures[c];
        }
        set(b, row + ".total", total);
    }

    private static void set(CellValues.Builder b, String key, long value) {
        b.set(key, BigDecimal.valueOf(value));
    }

    /** Where a form keeps the rows the generator fills: read from the form, checked once per form. */
    private record Shape(List<String> columns, List<String> resultRows, List<String> reviewRows) {

        private static final Map<String, Shape> BY_VERSION = new ConcurrentHashMap<>();

        static Shape of(FormDefinition form) {
            return BY_VERSION.computeIfAbsent(form.version(), version -> {
                List<String> columns = form.group("applications.newReceived").children().keySet().stream()
                        .filter(c -> !c.equals("total")).toList();
                // a row is a group of cells only: 2019's single （六）其他处理 is one row, 2021's three
                List<String> resultRows = form.group("applications.results").descendants().stream()
                        .filter(n -> !n.isCell() && n.children().values().stream().allMatch(FormNode::isCell))
                        .map(FormNode::path).filter(p -> !p.equals("applications.results.total")).toList();
                if (columns.size() != COLUMN_WEIGHTS.length) {
                    throw new IllegalStateException("form " + version + " has " + columns.size()
                            + " applicant columns, the generator weighs " + COLUMN_WEIGHTS.length);
                }
                return new Shape(columns, resultRows, List.copyOf(form.group("reviewLitigation").children().keySet()));
            });
        }
    }
}
