package io.gongkai.aggregation.service;

import io.gongkai.aggregation.api.FormFigures;
import io.gongkai.contracts.form.Forms;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeadlineFiguresTest {

    private final FormFigures v2021 = new HeadlineFigures().forVersion("2021").orElseThrow();

    @Test
    void theFiguresTheIssueAsksForAreThereInOrder() {
        assertThat(v2021.figures()).extracting(FormFigures.Figure::id).containsExactly("received", "grantedShare",
                "carriedForward", "review", "reviewCorrected", "litigation", "litigationCorrected", "licensing",
                "penalty", "coercion", "fees");
        assertThat(v2021.figures()).filteredOn(FormFigures.Figure::amount).extracting(FormFigures.Figure::id)
                .containsExactly("fees");
        assertThat(v2021.figures()).filteredOn(f -> !f.of().isEmpty()).extracting(FormFigures.Figure::unit)
                .containsOnly("%");
    }

    @Test
    void everyResultRowOfTableThreeIsListedOnceWithoutTheTotal() {
        assertThat(v2021.resultRows()).hasSize(21).extracting(FormFigures.ResultRow::cell)
                .doesNotHaveDuplicates().allMatch(key -> key.startsWith("applications.results.") && key.endsWith(".total"))
                .doesNotContain("applications.results.total.total");
        assertThat(v2021.resultRows().get(0).label()).isEqualTo("予以公开");
        assertThat(v2021.cellLabels()).hasSize(Forms.require("2021").cells().size());
    }

    @Test
    void shortLabelsDropTheTableHeadingTheNumberingAndExplanations() {
        assertThat(HeadlineFigures.shortLabel("三/（三）不予公开/1.属于国家秘密")).isEqualTo("不予公开·属于国家秘密");
        assertThat(HeadlineFigures.shortLabel("三、本年度办理结果/（二）部分公开（区分处理的，只计这一情形，不计其他情形）"))
                .isEqualTo("部分公开");
    }

    @Test
    void theOldFormHasTheSameFiguresButNoFeeAmount() {
        FormFigures v2019 = new HeadlineFigures().forVersion("2019").orElseThrow();

        assertThat(v2019.figures()).extracting(FormFigures.Figure::id)
                .containsExactlyElementsOf(v2021.figures().stream().map(FormFigures.Figure::id).toList());
        assertThat(v2019.figures()).filteredOn(FormFigures.Figure::absent).singleElement().satisfies(fees -> {
            assertThat(fees.id()).isEqualTo("fees");
            assertThat(fees.cells()).isEmpty();
            assertThat(fees.unit()).isEqualTo("万元");
        });
        assertThat(v2019.figures()).filteredOn(f -> !f.absent())
                .allSatisfy(f -> assertThat(f.cells()).isEqualTo(v2021.figures().stream()
                        .filter(g -> g.id().equals(f.id())).findFirst().orElseThrow().cells()));
        assertThat(v2021.figures()).noneMatch(FormFigures.Figure::absent);
    }

    @Test
    void theOldFormsResultRowsHaveOtherHandlingAsOneRow() {
        FormFigures v2019 = new HeadlineFigures().forVersion("2019").orElseThrow();

        assertThat(v2019.resultRows()).hasSize(19).extracting(FormFigures.ResultRow::cell)
                .contains("applications.results.other.total")
                .noneMatch(key -> key.startsWith("applications.results.other.other."));
        assertThat(v2019.cellLabels()).hasSize(Forms.require("2019").cells().size());
    }

    @Test
    void anUnknownFormHasNoFigures() {
        assertThat(new HeadlineFigures().forVersion("1999")).isEmpty();
    }
}
