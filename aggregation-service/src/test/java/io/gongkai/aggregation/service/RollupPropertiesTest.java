package io.gongkai.aggregation.service;

import io.gongkai.aggregation.mapping.CellsCodec;
import io.gongkai.aggregation.model.UnitYear;
import io.gongkai.aggregation.model.UnitYearForm;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.GovernmentLevel;
import io.gongkai.contracts.form.RuleEvaluator;
import io.gongkai.contracts.testing.ValidReports;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the roll-up over random hierarchies and random sequences of valid reports and corrections, applied
 * in random batches with {@link RollupBatch} (the logic the feed follower runs, without the database). Each seed is
 * one generated case; a failure names its seed, which reproduces it.
 */
class RollupPropertiesTest {

    static final Set<String> SUM_RULES = Set.of("R3.1", "R3.2", "R3.3", "R4.1");

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 150);
    }

    /** A unit of a generated hierarchy: its code, parent, and whether it is a township or department. */
    record Node(String code, String parent, boolean leaf) {
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyTotalIsTheSumOfItsSubtreeInItsFormSatisfiesTheFormsSumRulesAndEqualsItsChildrensSum(long seed) {
        Random random = new Random(seed);
        Map<String, Node> nodes = hierarchy(random);
        List<Node> reporters = new ArrayList<>(nodes.values().stream()
                .filter(n -> n.leaf() || random.nextInt(4) == 0).toList());
        List<Integer> years = List.of(2022, 2023);

        // Versions in feed order: first reports, then corrections, shuffled; then replays of old versions. One in four
        // is made in the 2019 form, so corrections also move reports from one form to the other.
        List<Object[]> feed = new ArrayList<>();
        Map<UnitYear, Integer> versions = new HashMap<>();
        for (int i = 0; i < reporters.size() * 2; i++) {
            Node unit = reporters.get(random.nextInt(reporters.size()));
            int year = years.get(random.nextInt(years.size()));
            int version = versions.merge(new UnitYear(unit.code(), year), 1, Integer::sum);
            FormDefinition form = random.nextInt(4) == 0 ? ValidReports.FORM_2019 : ValidReports.FORM;
            feed.add(new Object[] {unit, year, version, ValidReports.random(form, random, 1 + random.nextInt(1000))});
        }
        Map<UnitYear, CellValues> current = new HashMap<>();
        Map<UnitYear, Integer> currentVersion = new HashMap<>();
        Map<UnitYear, Boolean> onTime = new HashMap<>();
        Map<UnitYearForm, Totals> totals = new HashMap<>();
        int position = 0;
        while (position < feed.size()) {
            int batchEnd = Math.min(feed.size(), position + 1 + random.nextInt(8));
            RollupBatch batch = new RollupBatch();
            for (Object[] entry : feed.subList(position, batchEnd)) {
                Node unit = (Node) entry[0];
                UnitYear key = new UnitYear(unit.code(), (int) entry[1]);
                int version = (int) entry[2];
                if (currentVersion.getOrDefault(key, 0) >= version) {
                    continue;
                }
                boolean timely = onTime.computeIfAbsent(key, k -> random.nextBoolean());
                batch.add(lineage(nodes, unit), key.reportYear, (CellValues) entry[3], current.get(key), unit.leaf(), timely);
                current.put(key, (CellValues) entry[3]);
                currentVersion.put(key, version);
            }
            batch.deltas().forEach((key, delta) ->
                    totals.merge(key, Totals.zero(delta.cells().form()).plus(delta), Totals::plus));
            position = batchEnd;
        }

        for (String code : nodes.keySet()) {
            for (int year : years) {
                int receivedInAnyForm = 0;
                for (FormDefinition form : List.of(ValidReports.FORM, ValidReports.FORM_2019)) {
                    Totals total = totals.getOrDefault(new UnitYearForm(code, year, form.version()), Totals.zero(form));
                    List<CellValues> subtree = new ArrayList<>();
                    int leavesReporting = 0;
                    for (Map.Entry<UnitYear, CellValues> report : current.entrySet()) {
                        if (report.getKey().reportYear == year && report.getValue().form() == form
                                && lineage(nodes, nodes.get(report.getKey().unitCode)).contains(code)) {
                            subtree.add(report.getValue());
                            leavesReporting += nodes.get(report.getKey().unitCode).leaf() ? 1 : 0;
                        }
                    }
                    String which = code + "/" + year + " in form " + form.version();
                    assertThat(total.cells()).as("total of %s against the direct sum", which)
                            .isEqualTo(subtree.isEmpty() ? CellValues.zero(form) : ValidReports.sum(subtree));
                    assertThat(total.reports()).as("reports of %s", which).isEqualTo(subtree.size());
                    assertThat(total.received()).as("received of %s", which).isEqualTo(leavesReporting);
                    assertThat(total.onTime() + total.late()).isEqualTo(leavesReporting);
                    assertThat(total.onTime()).isNotNegative();
                    assertThat(total.late()).isNotNegative();
                    receivedInAnyForm += total.received();
                    List<Finding> broken = RuleEvaluator.sameYear(total.cells(), GovernmentLevel.NATIONAL).stream()
                            .filter(f -> SUM_RULES.contains(f.rule())).toList();
                    assertThat(broken).as("rules broken by the total of %s", which).isEmpty();

                    CellValues childrenSum = CellValues.zero(form);
                    for (Node child : nodes.values()) {
                        if (code.equals(child.parent())) {
                            childrenSum = childrenSum.plus(totals.getOrDefault(new UnitYearForm(child.code(), year,
                                    form.version()), Totals.zero(form)).cells());
                        }
                    }
                    CellValues own = current.get(new UnitYear(code, year));
                    CellValues ownInForm = own != null && own.form() == form ? own : CellValues.zero(form);
                    assertThat(total.cells()).as("total of %s against its own report plus its children's totals", which)
                            .isEqualTo(childrenSum.plus(ownInForm));
                }
                int reportingLeaves = (int) current.keySet().stream().filter(k -> k.reportYear == year
                        && nodes.get(k.unitCode).leaf() && lineage(nodes, nodes.get(k.unitCode)).contains(code)).count();
                assertThat(receivedInAnyForm).as("units of %s/%d that reported, in whatever form", code, year)
                        .isEqualTo(reportingLeaves);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void storedCellsReadBackExactly(long seed) {
        Random random = new Random(seed);
        CellValues report = ValidReports.random(random, 1 + random.nextInt(1_000_000));
        CellValues large = report;
        for (int i = 0; i < 50; i++) {
            large = large.plus(report);
        }
        assertThat(CellsCodec.decode(ValidReports.FORM, CellsCodec.encode(report))).isEqualTo(report);
        assertThat(CellsCodec.decode(ValidReports.FORM, CellsCodec.encode(large))).isEqualTo(large);
        assertThat(CellsCodec.encode(large)).doesNotContain("E").doesNotContain(" ");
    }

    /** CN, 1-2 provinces, 1-2 cities each, 1-3 counties each, 1-4 townships and 0-2 departments per county. */
    private static Map<String, Node> hierarchy(Random random) {
        Map<String, Node> nodes = new HashMap<>();
        nodes.put("CN", new Node("CN", null, false));
        for (int p = 1; p <= 1 + random.nextInt(2); p++) {
            String province = String.format("%02d", 10 + p);
            nodes.put(province, new Node(province, "CN", false));
            for (int c = 1; c <= 1 + random.nextInt(2); c++) {
                String city = province + String.format("%02d", c);
                nodes.put(city, new Node(city, province, false));
                for (int k = 1; k <= 1 + random.nextInt(3); k++) {
                    String county = city + String.format("%02d", k);
                    nodes.put(county, new Node(county, city, false));
                    for (int t = 1; t <= 1 + random.nextInt(4); t++) {
                        String township = county + String.format("%03d", t);
                        nodes.put(township, new Node(township, county, true));
                    }
                    for (int d = 1; d <= random.nextInt(3); d++) {
                        String department = "D" + county + "-" + d;
                        nodes.put(department, new Node(department, county, true));
                    }
                }
            }
        }
        return nodes;
    }

    private static List<String> lineage(Map<String, Node> nodes, Node unit) {
        List<String> lineage = new ArrayList<>();
        for (Node node = unit; node != null; node = node.parent() == null ? null : nodes.get(node.parent())) {
            lineage.add(node.code());
        }
        return Collections.unmodifiableList(lineage);
    }
}
