package io.gongkai.contracts.form;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FormDefinitionTest {

    private final FormDefinition form = Forms.require("2021");

    @Test
    void the2021FormHasTheTwoHundredCellsOfTheNationalFormat() {
        assertThat(form.cells()).hasSize(200);
        assertThat(form.cells().stream().filter(c -> c.type() == CellType.AMOUNT))
                .extracting(Cell::key).containsExactly("activeDisclosure.fees.amountWanYuan");
        assertThat(form.root().children().keySet())
                .containsExactly("activeDisclosure", "applications", "reviewLitigation");
    }

    @Test
    void everyGroupAndCellCarriesItsOfficialLabel() {
        assertThat(form.root().descendants()).allSatisfy(node -> assertThat(node.description()).isNotBlank());
        assertThat(form.requireCell("applications.results.withheld.stateSecret.naturalPerson").label())
                .contains("属于国家秘密").contains("自然人").contains("件");
        assertThat(form.group("applications.results.withheld").description()).contains("不予公开");
    }

    @Test
    void rulesAreStatedOverTheWholeTable() {
        assertThat(equations("R3.1")).hasSize(7);
        assertThat(equations("R3.2")).hasSize(7).allSatisfy(e -> assertThat(e.right()).hasSize(21));
        assertThat(equations("R3.3")).hasSize(25).allSatisfy(e -> assertThat(e.right()).hasSize(6));
        assertThat(equations("R4.1")).hasSize(3).allSatisfy(e -> assertThat(e.right()).hasSize(4));
        assertThat(equations("R2.2")).hasSize(3);
        assertThat(equations("X1")).hasSize(7);
        assertThat(equations("X2")).hasSize(2);
        assertThat(form.rules()).filteredOn(Rule::crossYear).extracting(Rule::id).containsExactly("X1", "X2");
        assertThat(form.rule("X1").orElseThrow().acrossForms()).as("X1 compares 2021 with 2020's 2019-form report").isTrue();
        assertThat(form.rule("X2").orElseThrow().acrossForms()).as("2019 has no 现行有效件数").isFalse();
    }

    @Test
    void everyRuleTermNamesACellOfTheForm() {
        assertThat(form.rules()).flatExtracting(Rule::equations).flatExtracting(e -> e.terms().toList())
                .allSatisfy(term -> assertThat(form.cell(term.cellKey())).isPresent());
    }

    @Test
    void theFormForAYearIsTheNewestInForce() {
        assertThat(Forms.forYear(2023)).contains(form);
        assertThat(Forms.forYear(2021)).contains(form);
        assertThat(Forms.forYear(2020)).contains(Forms.require("2019"));
        assertThat(Forms.forYear(2019)).contains(Forms.require("2019"));
        assertThat(Forms.forYear(2018)).isEmpty();
        assertThat(Forms.firstReportYear()).isEqualTo(2019);
    }

    private List<Equation> equations(String rule) {
        return form.rule(rule).orElseThrow().equations();
    }
}
