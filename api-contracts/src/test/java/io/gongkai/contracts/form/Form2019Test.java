package io.gongkai.contracts.form;

import io.gongkai.contracts.testing.ValidReports;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The 2019 trial form: its cells as the national table lists them, and every one of its rules passing and failing. */
class Form2019Test {

    private static final FormDefinition FORM = Forms.require("2019");
    private static final FormDefinition FORM_2021 = Forms.require("2021");
    private static final String DOCUMENTS = "activeDisclosure.normativeDocuments.";

    @Test
    void itHasTheCellsOfTheTrialForm() {
        assertThat(FORM.cells()).hasSize(198);
        assertThat(FORM.cells().stream().filter(c -> c.table().equals("二"))).hasSize(22);
        assertThat(FORM.cells().stream().filter(c -> c.type() == CellType.SIGNED_COUNT)).extracting(Cell::key)
                .hasSize(5).allMatch(key -> key.endsWith(".changeThisYear"));
        Cell amount = FORM.requireCell("activeDisclosure.procurement.totalAmount");
        assertThat(amount.unitInReport()).isTrue();
        assertThat(amount.valueUnit()).isEqualTo("万元");
        assertThat(amount.label()).isEqualTo("表二｜第二十条第（九）项｜政府集中采购｜采购总金额");
        assertThat(amount.heldLabel()).as("as held and exported").isEqualTo("表二｜第二十条第（九）项｜政府集中采购｜采购总金额（单位：万元）");
        Cell count = FORM.requireCell("activeDisclosure.procurement.projects");
        assertThat(count.heldLabel()).isEqualTo(count.label()).isEqualTo("表二｜第二十条第（九）项｜政府集中采购｜采购项目数量（项）");
        assertThat(FORM.group("applications.results.other").children().values()).allMatch(FormNode::isCell);
        assertThat(FORM_2021.group("applications.results.other").children().values()).noneMatch(FormNode::isCell);
    }

    @Test
    void itsRulesAreStatedOverItsOwnRows() {
        assertThat(equations("R3.2")).hasSize(7).allSatisfy(e -> assertThat(e.right()).hasSize(19));
        assertThat(equations("R3.1")).hasSize(7);
        assertThat(equations("R3.3")).hasSize(23);
        assertThat(equations("R4.1")).hasSize(3);
        assertThat(equations("R2.2")).hasSize(3);
        assertThat(equations("P2.1")).hasSize(2).allMatch(e -> e.relation() == Equation.Relation.AT_MOST);
        assertThat(FORM.rules()).filteredOn(Rule::crossYear).extracting(Rule::id).containsExactly("X1", "X3");
        assertThat(FORM.rules()).flatExtracting(Rule::equations).flatExtracting(e -> e.terms().toList())
                .allSatisfy(term -> assertThat(FORM.cell(term.cellKey())).isPresent());
    }

    @RepeatedTest(20)
    void aRandomValidReportKeepsEveryRule() {
        Random random = new Random();
        CellValues report = ValidReports.random(FORM, random, 40);
        CellValues next = ValidReports.following(FORM, random, 40, report);
        assertThat(RuleEvaluator.sameYear(report, GovernmentLevel.TOWNSHIP)).isEmpty();
        assertThat(RuleEvaluator.crossYear(next, report, GovernmentLevel.TOWNSHIP)).isEmpty();
        assertThat(RuleEvaluator.sameYear(ValidReports.sum(List.of(report, next)), GovernmentLevel.COUNTY)).isEmpty();
    }

    @Nested
    class EachRuleFails {

        private final Random random = new Random();
        private final CellValues valid = ValidReports.random(FORM, random, 30);

        @Test
        void balance() {
            assertThat(sameYearRules(set("applications.newReceived.naturalPerson", 1))).contains("R3.1", "R3.3");
        }

        @Test
        void resultTotalOverNineteenRows() {
            CellValues broken = set("applications.results.other.naturalPerson", 1);
            assertThat(sameYearRules(broken)).contains("R3.2", "R3.3");
        }

        @Test
        void rowTotal() {
            assertThat(sameYearRules(set("applications.results.other.total", 1))).contains("R3.3", "R3.2");
        }

        @Test
        void reviewTotal() {
            assertThat(sameYearRules(set("reviewLitigation.review.total", 1))).containsExactly("R4.1");
        }

        @Test
        void regulationsAtCountyLevel() {
            CellValues made = set("activeDisclosure.regulations.newlyMade", 1);
            assertThat(RuleEvaluator.sameYear(made, GovernmentLevel.TOWNSHIP)).extracting(Finding::rule)
                    .containsExactly("R2.2");
            assertThat(RuleEvaluator.sameYear(made, GovernmentLevel.PROVINCE)).isEmpty();
        }

        @Test
        void moreNewlyPublishedThanPublishedInTotal() {
            BigDecimal total = valid.get(DOCUMENTS + "totalPublished");
            CellValues broken = with(values -> values.set(DOCUMENTS + "newlyPublished", total.add(BigDecimal.ONE)));
            List<Finding> findings = RuleEvaluator.sameYear(broken, GovernmentLevel.CITY);
            assertThat(findings).extracting(Finding::rule).containsExactly("P2.1");
            assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
            assertThat(findings.get(0).message()).contains("≤").contains(" > ");
            CellValues equal = with(values -> values.set(DOCUMENTS + "newlyPublished", total));
            assertThat(RuleEvaluator.sameYear(equal, GovernmentLevel.CITY)).isEmpty();
        }

        @Test
        void signedChangesMayBeNegative() {
            CellValues fewer = with(values -> values.set("activeDisclosure.licensing.changeThisYear", BigDecimal.valueOf(-8)));
            assertThat(RuleEvaluator.sameYear(fewer, GovernmentLevel.TOWNSHIP)).isEmpty();
        }

        @Test
        void carriedOverAndPublishedInTotalAcrossTwoYears() {
            CellValues next = ValidReports.following(FORM, random, 30, valid);
            CellValues.Builder broken = next.toBuilder();
            broken.set("applications.carriedOver.naturalPerson", next.get("applications.carriedOver.naturalPerson").add(BigDecimal.ONE));
            broken.set(DOCUMENTS + "totalPublished", next.get(DOCUMENTS + "totalPublished").add(BigDecimal.ONE));
            assertThat(RuleEvaluator.crossYear(broken.build(), valid, GovernmentLevel.TOWNSHIP)).extracting(Finding::rule)
                    .contains("X1", "X3").doesNotContain("X2");
        }

        private List<String> sameYearRules(CellValues report) {
            return RuleEvaluator.sameYear(report, GovernmentLevel.TOWNSHIP).stream().map(Finding::rule).distinct().toList();
        }

        private CellValues set(String key, int more) {
            return with(values -> values.set(key, valid.get(key).add(BigDecimal.valueOf(more))));
        }

        private CellValues with(Consumer<CellValues.Builder> change) {
            CellValues.Builder values = valid.toBuilder();
            change.accept(values);
            return values.build();
        }
    }

    @Nested
    class AcrossTheChangeOfForm {

        private final Random random = new Random();

        @Test
        void carriedOverApplicationsAreComparedFrom2020To2021() {
            CellValues report2020 = ValidReports.random(FORM, random, 30);
            CellValues report2021 = ValidReports.following(FORM_2021, random, 30, report2020);
            assertThat(RuleEvaluator.crossYear(report2021, report2020, GovernmentLevel.TOWNSHIP)).isEmpty();

            CellValues.Builder broken = report2021.toBuilder();
            broken.set("applications.carriedOver.naturalPerson",
                    report2021.get("applications.carriedOver.naturalPerson").add(BigDecimal.ONE));
            assertThat(RuleEvaluator.crossYear(broken.build(), report2020, GovernmentLevel.TOWNSHIP))
                    .extracting(Finding::rule).containsExactly("X1");
        }

        @Test
        void documentsInForceAreNeverComparedWithDocumentsPublishedInTotal() {
            CellValues report2020 = ValidReports.random(FORM, random, 30);
            CellValues report2021 = ValidReports.following(FORM_2021, random, 30, report2020);
            CellValues.Builder far = report2021.toBuilder();
            far.set("activeDisclosure.normativeDocuments.inForce", BigDecimal.valueOf(999_999));
            assertThat(RuleEvaluator.crossYear(far.build(), report2020, GovernmentLevel.TOWNSHIP)).isEmpty();
            assertThat(FORM_2021.rule("X2").orElseThrow().compares(FORM_2021, FORM)).isFalse();
            assertThat(FORM_2021.rule("X2").orElseThrow().compares(FORM_2021, FORM_2021)).isTrue();
        }
    }

    private static List<Equation> equations(String rule) {
        return FORM.rule(rule).orElseThrow().equations();
    }
}
