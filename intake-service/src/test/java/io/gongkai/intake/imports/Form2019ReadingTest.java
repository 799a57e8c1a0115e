package io.gongkai.intake.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.form.AmountUnit;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.StatisticsJson;
import io.gongkai.contracts.testing.ValidReports;
import io.gongkai.intake.api.ImportDraft;
import io.gongkai.intake.imports.PrintedReport.Figures;
import io.gongkai.intake.imports.PrintedReport.UnitPlace;
import io.gongkai.intake.imports.PublishedLayouts.Body;
import io.gongkai.intake.imports.PublishedLayouts.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports of 2019 and 2020, printed in the 2019 trial form: read against the form of their year or the one asked
 * for, with each table told by its labels; signed changes read with their sign; the amount of 政府集中采购 kept with
 * the unit the report gives it, wherever it gives it.
 */
class Form2019ReadingTest {

    private static final PublishedReportReader READER = new PublishedReportReader(DivisionTable.national());
    private static final String UNIT = "640402100";
    private static final String AMOUNT = "/activeDisclosure/procurement/totalAmount";

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"TABS", "HTML"})
    void aReportOf2020IsReadInThe2019FormEveryCellAsPrinted(Layout layout) {
        PrintedReport report = report(ValidReports.FORM_2019, 2020, 11, Figures.PLAIN);

        ImportDraft draft = read(layout, report, new ImportHints(UNIT, null, 2020));

        assertThat(draft.formVersion()).isEqualTo("2019");
        assertThat(draft.submission().get("formVersion").asText()).isEqualTo("2019");
        assertComplete(report, draft);
        assertThat(draft.submission().at(AMOUNT + "/unit").asText()).isEqualTo("万元");
        assertThat(draft.findings()).noneMatch(f -> f.rule().equals(FormReader.OTHER_FORM));
    }

    @Test
    void aTableTwoPrintedInThe2019LabelsIsNamedNotReadWhenTheYearSays2021() {
        PrintedReport report = report(ValidReports.FORM_2019, 2021, 12, Figures.PLAIN);

        ImportDraft draft = read(Layout.TABS, report, new ImportHints(UNIT, null, 2021));

        assertThat(draft.formVersion()).isEqualTo("2021");
        for (Cell cell : ValidReports.FORM.cells()) {
            JsonNode read = draft.submission().at(cell.pointer());
            if (cell.table().equals("二")) {
                assertThat(read.isNull()).as(cell.pointer()).isTrue();
                assertThat(ImportChecks.named(draft.findings(), cell.pointer())).as(cell.pointer()).isTrue();
            } else if (!read.isNull()) {
                assertThat(read.decimalValue()).as(cell.pointer())
                        .isEqualByComparingTo(report.printed(ValidReports.FORM_2019.requireCell(cell.key())));
            }
        }
        assertThat(draft.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo(FormReader.OTHER_FORM);
            assertThat(f.pointers()).contains("/activeDisclosure/regulations", "/activeDisclosure/fees");
            assertThat(f.actual()).contains("对外公开总数量");
            assertThat(f.message()).contains("formVersion 2019");
        });
        assertThat(draft.submission().at("/applications/newReceived/total").decimalValue())
                .isEqualByComparingTo(report.get("applications.newReceived.total"));
        assertThat(draft.submission().at("/reviewLitigation/litigationDirect/total").decimalValue())
                .isEqualByComparingTo(report.get("reviewLitigation.litigationDirect.total"));
    }

    @Test
    void anExplicitFormVersionOverridesTheYear() {
        PrintedReport old = report(ValidReports.FORM_2019, 2021, 13, Figures.PLAIN);
        ImportDraft asked2019 = read(Layout.TABS, old, new ImportHints(UNIT, null, 2021, "2019"));
        assertThat(asked2019.formVersion()).isEqualTo("2019");
        assertThat(asked2019.year()).isEqualTo(2021);
        assertComplete(old, asked2019);

        PrintedReport current = report(ValidReports.FORM, 2020, 14, Figures.PLAIN);
        ImportDraft byYear = read(Layout.TABS, current, new ImportHints(UNIT, null, 2020));
        assertThat(byYear.formVersion()).isEqualTo("2019");
        assertThat(byYear.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo(FormReader.OTHER_FORM);
            assertThat(f.actual()).contains("现行有效件数");
        });
        ImportDraft asked2021 = read(Layout.TABS, current, new ImportHints(UNIT, null, 2020, "2021"));
        assertThat(asked2021.formVersion()).isEqualTo("2021");
        assertComplete(current, asked2021);
    }

    @Test
    void a2021TableThreeReadAsThe2019FormNamesItsOtherRowsAndReadsTheRest() {
        PrintedReport report = report(ValidReports.FORM, 2020, 15, Figures.PLAIN);

        ImportDraft draft = read(Layout.HTML, report, new ImportHints(UNIT, null, 2020));

        assertThat(draft.formVersion()).isEqualTo("2019");
        assertThat(draft.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo(FormReader.OTHER_FORM);
            assertThat(f.pointers()).containsExactly("/applications/results/other");
            assertThat(f.actual()).contains("逾期不补正");
        });
        for (Cell cell : ValidReports.FORM_2019.cells()) {
            JsonNode read = draft.submission().at(cell.pointer());
            if (cell.key().startsWith("applications.results.other.") || cell.table().equals("二")) {
                assertThat(read.isNull()).as(cell.pointer()).isTrue();
                assertThat(ImportChecks.named(draft.findings(), cell.pointer())).as(cell.pointer()).isTrue();
            } else {
                assertThat(read.decimalValue()).as(cell.pointer()).isEqualByComparingTo(report.get(cell.key()));
            }
        }
    }

    @Test
    void withoutAYearTheLabelsOfTableTwoTellTheForm() {
        String page = "某某镇政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
                + "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t3\t2\t15\n"
                + "三、收到和处理政府信息公开申请情况\n";

        ImportDraft draft = READER.read(page.getBytes(StandardCharsets.UTF_8), "text/plain", ImportHints.NONE);

        assertThat(draft.year()).isNull();
        assertThat(draft.formVersion()).isEqualTo("2019");
        assertThat(draft.submission().at("/activeDisclosure/normativeDocuments/totalPublished").intValue()).isEqualTo(15);
    }

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"TABS", "HTML"})
    void signedChangesAreReadWithTheirSignHowTheyArePrinted(Layout layout) {
        CellValues.Builder values = ValidReports.random(ValidReports.FORM_2019, new Random(16), 40).toBuilder();
        values.set("activeDisclosure.licensing.changeThisYear", new BigDecimal("-8"));
        values.set("activeDisclosure.otherServices.changeThisYear", new BigDecimal("1036"));
        values.set("activeDisclosure.penalty.changeThisYear", BigDecimal.ZERO);
        values.set("activeDisclosure.fees.changeThisYear", new BigDecimal("-120"));
        PrintedReport report = new PrintedReport("原州区三营镇", 2020, values.build(), Set.of(), Map.of(),
                new Figures(true, true, AmountUnit.YUAN, UnitPlace.CELL));
        Body body = PublishedLayouts.render(layout, report, new Random(17));
        if (layout == Layout.TABS) {
            assertThat(body.text()).contains("\t−8\t", "\t+1036\t", "\t−120");
        }

        ImportDraft draft = READER.read(body.bytes(), body.contentType(), new ImportHints(UNIT, null, 2020));

        assertThat(draft.submission().at("/activeDisclosure/licensing/changeThisYear").intValue()).isEqualTo(-8);
        assertThat(draft.submission().at("/activeDisclosure/otherServices/changeThisYear").intValue()).isEqualTo(1036);
        assertThat(draft.submission().at("/activeDisclosure/penalty/changeThisYear").intValue()).isZero();
        assertThat(draft.submission().at("/activeDisclosure/fees/changeThisYear").intValue()).isEqualTo(-120);
        assertComplete(report, draft);
    }

    @Test
    void signedFiguresThatRanTogetherAreSplitAtTheirSignAndTheRestIsNamed() {
        String page = "某某镇2020年政府信息公开工作年度报告\n二、主动公开政府信息情况 第二十条第(五)项 信息内容 上一年项目数量"
                + " 本年增/减 处理决定数量 行政许可 12 -8 179 其他对外管理服务事项10−8179 行政处罚 5 +1036 0 行政强制 000"
                + " 三、收到和处理政府信息公开申请情况";

        ImportDraft draft = READER.read(page.getBytes(StandardCharsets.UTF_8), "text/plain", new ImportHints(UNIT, null, 2020));

        JsonNode disclosure = draft.submission().get("activeDisclosure");
        assertThat(disclosure.at("/licensing/previousYearItems").intValue()).isEqualTo(12);
        assertThat(disclosure.at("/licensing/changeThisYear").intValue()).isEqualTo(-8);
        assertThat(disclosure.at("/licensing/decisions").intValue()).isEqualTo(179);
        assertThat(disclosure.at("/penalty/changeThisYear").intValue()).isEqualTo(1036);
        assertThat(disclosure.at("/coercion/changeThisYear").intValue()).isZero();
        // 10−8179: the sign ends the first figure; -8|179, -81|79 and -817|9 are all figures.
        assertThat(disclosure.at("/otherServices/previousYearItems").intValue()).isEqualTo(10);
        for (String column : List.of("changeThisYear", "decisions")) {
            String pointer = "/activeDisclosure/otherServices/" + column;
            assertThat(disclosure.at("/otherServices/" + column).isNull()).as(pointer).isTrue();
            assertThat(draft.findings()).anyMatch(f -> f.rule().equals(FormReader.AMBIGUOUS) && f.pointers().contains(pointer));
        }
    }

    @Test
    void theAmountKeepsTheUnitGivenInItsCellItsColumnHeadingOrItsRowLabel() {
        for (UnitPlace place : UnitPlace.values()) {
            for (AmountUnit unit : AmountUnit.values()) {
                for (Layout layout : List.of(Layout.TABS, Layout.HTML)) {
                    PrintedReport report = report(ValidReports.FORM_2019, 2020, 18, new Figures(false, false, unit, place));
                    Body body = PublishedLayouts.render(layout, report, new Random(19));
                    ImportDraft draft = READER.read(body.bytes(), body.contentType(), new ImportHints(UNIT, null, 2020));
                    String what = place + " " + unit + " " + layout;

                    JsonNode amount = draft.submission().at(AMOUNT);
                    Cell cell = ValidReports.FORM_2019.requireCell("activeDisclosure.procurement.totalAmount");
                    assertThat(amount.get(StatisticsJson.AMOUNT).decimalValue()).as(what).isEqualByComparingTo(report.printed(cell));
                    if (place == UnitPlace.NOWHERE) {
                        assertThat(amount.has(StatisticsJson.UNIT)).as(what).isFalse();
                        assertThat(draft.findings()).as(what).anyMatch(f -> f.rule().equals(AmountUnits.RULE)
                                && f.pointers().contains(AMOUNT + "/unit"));
                    } else {
                        assertThat(amount.get(StatisticsJson.UNIT).asText()).as(what).isEqualTo(unit.label());
                        assertThat(draft.findings()).as(what).noneMatch(f -> f.rule().equals(AmountUnits.RULE));
                    }
                }
            }
        }
    }

    @Test
    void anAmountInYuanIsKeptExactlyAsPrinted() {
        String page = "某某镇2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（九）项\n"
                + "信息内容\t采购项目数量\t采购总金额\n政府集中采购\t3\t251000.55元\n三、收到和处理政府信息公开申请情况\n";

        ImportDraft draft = READER.read(page.getBytes(StandardCharsets.UTF_8), "text/plain", new ImportHints(UNIT, null, 2020));

        assertThat(draft.submission().at(AMOUNT).toString()).isEqualTo("{\"amount\":251000.55,\"unit\":\"元\"}");
        assertThat(draft.submission().at("/activeDisclosure/procurement/projects").intValue()).isEqualTo(3);
    }

    @Test
    void aLocalRowBesideTheNationalOnesIsNamedAndTheNationalRowsAreRead() {
        String page = "某某镇2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
                + "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t3\t2\t15\n"
                + "其他主动公开文件\t41\t40\t388\n第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
                + "行政许可\t12\t-3\t179\n三、收到和处理政府信息公开申请情况\n";

        ImportDraft draft = READER.read(page.getBytes(StandardCharsets.UTF_8), "text/plain", new ImportHints(UNIT, null, 2020));

        JsonNode disclosure = draft.submission().get("activeDisclosure");
        assertThat(disclosure.at("/normativeDocuments/totalPublished").intValue()).isEqualTo(15);
        assertThat(disclosure.at("/licensing/previousYearItems").intValue()).isEqualTo(12);
        assertThat(disclosure.at("/licensing/changeThisYear").intValue()).isEqualTo(-3);
        assertThat(draft.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo(FormReader.EXTRA);
            assertThat(f.actual()).contains("41");
        });
    }

    private static PrintedReport report(FormDefinition form, int year, long seed, Figures figures) {
        return new PrintedReport("原州区三营镇", year, ValidReports.random(form, new Random(seed), 40), Set.of(), Map.of(),
                figures);
    }

    private static ImportDraft read(Layout layout, PrintedReport report, ImportHints hints) {
        Body body = PublishedLayouts.render(layout, report, new Random(report.year()));
        return READER.read(body.bytes(), body.contentType(), hints);
    }

    private static void assertComplete(PrintedReport report, ImportDraft draft) {
        ImportChecks.Outcome outcome = ImportChecks.check(report, draft, true);
        assertThat(outcome.problems()).as(ImportChecks.describe(outcome.problems(), draft)).isEmpty();
    }
}
