package io.gongkai.intake.imports;

import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.testing.ValidReports;
import io.gongkai.intake.api.ImportDraft;
import io.gongkai.intake.imports.PublishedLayouts.Layout;
import io.gongkai.intake.imports.PublishedLayouts.Rendered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random valid reports, in the 2021 form and in the 2019 trial form, published in every layout and read back: each
 * cell is exactly the figure printed, or null and named in a finding (on the cell, its row or its block), never
 * another number; an amount whose unit the form leaves to the report keeps the unit printed with it. Tab-separated
 * text and HTML keep every cell apart, so they must read back completely, but for the cells a report leaves blank.
 * <p>
 * The run is seeded (a fixed seed by default, another with {@code -Dimport.seed=…}; {@code -Dimport.reports=…}
 * reports per layout); a failure names the layout and the report's own seed, and
 * {@code PublishedLayouts.render(layout, seed)} gives back the very document.
 */
class ImportRoundTripTest {

    private static final long SEED = Long.getLong("import.seed", 20240123L);
    private static final int REPORTS = Integer.getInteger("import.reports", 600);
    private static final int DOCUMENTS_SHOWN = 3;

    private final PublishedReportReader reader = new PublishedReportReader(DivisionTable.national());

    @ParameterizedTest
    @EnumSource(Layout.class)
    void everyCellIsWhatWasPrintedOrNamedAsUnsettled(Layout layout) {
        roundTrip(ValidReports.FORM, PublishedLayouts.YEAR, layout);
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void everyCellOfA2019FormReportIsWhatWasPrintedOrNamedAsUnsettled(Layout layout) {
        roundTrip(ValidReports.FORM_2019, PublishedLayouts.YEAR_2019, layout);
    }

    /**
     * Whether every cell printed must be read: in every layout that keeps cells apart, but for tab-separated text
     * with blank cells at both ends of rows (2019's blank 总计 column), whose cells can stand in more than one place.
     */
    private static boolean complete(Layout layout, PrintedReport report) {
        return layout.cellsApart() && !(layout == Layout.TABS && report.has(PrintedReport.Variant.BLANK_ZEROS_AND_TOTALS));
    }

    private void roundTrip(FormDefinition form, int year, Layout layout) {
        ImportHints hints = new ImportHints("640402100", null, year);
        Random seeds = new Random(form == ValidReports.FORM ? SEED * 31 + layout.ordinal() : SEED * 37 + layout.ordinal());
        List<String> failures = new ArrayList<>();
        int failed = 0;
        int wrong = 0;
        int silentlyWrong = 0;
        long settled = 0;
        long unsettled = 0;
        long readNanos = 0;
        for (int i = 0; i < REPORTS; i++) {
            Rendered rendered = PublishedLayouts.render(form, year, layout, seeds.nextLong());
            long start = System.nanoTime();
            ImportDraft draft;
            try {
                draft = reader.read(rendered.body(), rendered.contentType(), hints);
            } catch (RuntimeException e) {
                failed++;
                if (failures.size() < DOCUMENTS_SHOWN) {
                    failures.add(ImportChecks.describe(rendered, List.of("the reader threw " + e), null));
                }
                continue;
            } finally {
                readNanos += System.nanoTime() - start;
            }
            ImportChecks.Outcome outcome = ImportChecks.check(rendered.report(), draft, complete(layout, rendered.report()));
            settled += outcome.settled();
            unsettled += outcome.unsettled();
            if (!outcome.problems().isEmpty()) {
                failed++;
                wrong += outcome.wrong();
                silentlyWrong += outcome.silentlyWrong();
                if (failures.size() < DOCUMENTS_SHOWN) {
                    failures.add(ImportChecks.describe(rendered, outcome.problems(), draft));
                }
            }
        }
        System.out.printf("import round trip, form %s, seed %d, %s: %d reports, %d cells settled, %d cells named unsettled, "
                        + "%d reports failing (%d cells read as another number, %d of them named in no finding), "
                        + "%.0f reports/s read%n",
                form.version(), SEED, layout, REPORTS, settled, unsettled, failed, wrong, silentlyWrong, REPORTS / (readNanos / 1e9));

        assertThat(failures)
                .as("%d of %d %s reports in form %s read wrongly (seed %d); the first of them:", failed, REPORTS, layout,
                        form.version(), SEED)
                .isEmpty();
    }
}
