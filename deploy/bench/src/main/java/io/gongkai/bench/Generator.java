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
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic, valid township reports for one year. Each township's figures depend only on the seed, its code and
 * the version, so any subset (--scale) and the baselines see exactly the same numbers.
 */
final class Generator {

    static final FormDefinition FORM = Forms.require("2021");
    static final int YEAR = 2024;
    /**
     * The year of the intake warm-up's reports: an earlier year that no rule of {@link #YEAR} reads (the cross-year
     * rules read the year before only), so the warm-up changes neither the measured work nor its totals.
     */
    static final int WARMUP_YEAR = 2022;

    private static final List<String> COLUMNS = List.copyOf(
            FORM.group("applications.newReceived").children().keySet()).stream().filter(c -> !c.equals("total")).toList();
    /** Relative weight of each applicant column: most applicants are natural persons. */
    private static final double[] COLUMN_WEIGHTS = {0.78, 0.12, 0.01, 0.02, 0.04, 0.03};
    /** The 21 result rows (every leaf group under applications.results except total). */
    private static final List<String> RESULT_ROWS = FORM.group("applications.results").descendants().stream()
            .filter(n -> !n.isCell() && n.children().values().stream().allMatch(FormNode::isCell))
            .map(FormNode::path).filter(p -> !p.equals("applications.results.total")).toList();
    private static final List<String> REVIEW_ROWS = List.copyOf(FORM.group("reviewLitigation").children().keySet());

    private final long seed;
    private final ObjectMapper json = new ObjectMapper();

    Generator(long seed) {
        this.seed = seed;
        if (RESULT_ROWS.size() != 21 || COLUMNS.size() != 6) {
            throw new IllegalStateException("form shape changed: " + RESULT_ROWS.size() + " result rows, "
                    + COLUMNS.size() + " applicant columns");
        }
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

    /** A township's figures for version 1 (the original) or 2 (a correction); always satisfies the same-year rules. */
    CellValues values(Division township, int version) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + Long.parseLong(township.code()) * 7 + version);
        CellValues.Builder b = CellValues.builder(FORM);

        // 二、主动公开: townships make no regulations (R2.2); a few normative documents; decisions skewed.
        set(b, "activeDisclosure.regulations.issued", 0);
        set(b, "activeDisclosure.regulations.repealed", 0);
        set(b, "activeDisclosure.regulations.inForce", 0);
        set(b, "activeDisclosure.normativeDocuments.issued", random.nextInt(10) < 7 ? 0 : random.nextInt(1, 6));
        set(b, "activeDisclosure.normativeDocuments.repealed", random.nextInt(10) < 8 ? 0 : random.nextInt(1, 4));
        set(b, "activeDisclosure.normativeDocuments.inForce", random.nextInt(10) < 4 ? 0 : random.nextInt(1, 60));
        set(b, "activeDisclosure.licensing.decisions", skewed(random, 2000));
        set(b, "activeDisclosure.penalty.decisions", random.nextInt(10) < 5 ? 0 : skewed(random, 400));
        set(b, "activeDisclosure.coercion.decisions", random.nextInt(10) < 8 ? 0 : random.nextInt(1, 30));
        BigDecimal fee = BigDecimal.ZERO;
        if (random.nextInt(100) < 15) {
            int scale = random.nextInt(7); // 0..6 decimal places
            fee = BigDecimal.valueOf(random.nextLong(1, 50_000_000L), 6).setScale(scale, java.math.RoundingMode.DOWN);
        }
        b.set("activeDisclosure.fees.amountWanYuan", fee);

        // 三、申请: most townships 0-20 new applications, a few hundreds.
        int roll = random.nextInt(1000);
        int newTotal = roll < 300 ? 0 : roll < 950 ? random.nextInt(1, 21) : roll < 990 ? random.nextInt(21, 100)
                : random.nextInt(100, 700);
        long[] newReceived = split(random, newTotal, COLUMN_WEIGHTS);
        long[] carriedOver = new long[6];
        long[] carriedForward = new long[6];
        for (int c = 0; c < 6; c++) {
            carriedOver[c] = random.nextInt(10) < 8 ? 0 : random.nextInt(0, 3 + (int) newReceived[c] / 10);
            long open = newReceived[c] + carriedOver[c];
            carriedForward[c] = open == 0 || random.nextInt(10) < 7 ? 0 : random.nextLong(0, open / 5 + 2) % (open + 1);
        }
        double[] resultWeights = new double[RESULT_ROWS.size()];
        for (int r = 0; r < resultWeights.length; r++) {
            resultWeights[r] = r == 0 ? 10 : r == 1 ? 2 : random.nextInt(4) == 0 ? random.nextDouble() : 0.05;
        }
        long[][] results = new long[RESULT_ROWS.size()][6];
        for (int c = 0; c < 6; c++) {
            long[] perRow = split(random, newReceived[c] + carriedOver[c] - carriedForward[c], resultWeights);
            for (int r = 0; r < perRow.length; r++) {
                results[r][c] = perRow[r];
            }
        }
        row(b, "applications.newReceived", newReceived);
        row(b, "applications.carriedOver", carriedOver);
        row(b, "applications.carriedForward", carriedForward);
        long[] resultTotal = new long[6];
        for (int r = 0; r < RESULT_ROWS.size(); r++) {
            row(b, RESULT_ROWS.get(r), results[r]);
            for (int c = 0; c < 6; c++) {
                resultTotal[c] += results[r][c];
            }
        }
        row(b, "applications.results.total", resultTotal);

        // 四、复议诉讼: usually nothing, sometimes a few cases.
        for (String review : REVIEW_ROWS) {
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

    /** The submission body for a township's figures of the benchmark's year. */
    byte[] body(Division township, CellValues values) {
        return body(township, values, YEAR);
    }

    /** The submission body for a township's figures of a year. */
    byte[] body(Division township, CellValues values, int year) {
        ObjectNode root = StatisticsJson.NODES.objectNode();
        ObjectNode unit = root.putObject("unit");
        unit.put("code", township.code());
        unit.put("name", township.name());
        unit.putNull("parentCode");
        root.put("year", year);
        root.put("formVersion", FORM.version());
        root.setAll(StatisticsJson.write(values));
        try {
            return json.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Mostly small, occasionally up to {@code max}. */
    private static long skewed(SplittableRandom random, int max) {
        double u = random.nextDouble();
        return Math.min(max, (long) Math.floor(Math.pow(u, 4) * (max + 1)));
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

    private static void row(CellValues.Builder b, String row, long[] columns) {
        long total = 0;
        for (int c = 0; c < 6; c++) {
            set(b, row + "." + COLUMNS.get(c), columns[c]);
            total += columns[c];
        }
        set(b, row + ".total", total);
    }

    private static void set(CellValues.Builder b, String key, long value) {
        b.set(key, BigDecimal.valueOf(value));
    }
}
