package io.gongkai.contracts.tables;

import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.tables.GridCell.Kind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class OfficialTablesTest {

    private final FormDefinition form = Forms.require("2021");
    private final FormDefinition trialForm = Forms.require("2019");

    @Test
    void everyCellOfEveryFormIsPrintedExactlyOnce() {
        for (FormDefinition any : Forms.all()) {
            List<Cell> printed = OfficialTables.of(any).stream().flatMap(t -> t.values().stream()).map(GridCell::cell)
                    .toList();
            assertThat(printed).as("form " + any.version()).containsExactlyInAnyOrderElementsOf(any.cells());
        }
        assertThat(OfficialTables.of(form).stream().mapToInt(t -> t.values().size()).sum()).isEqualTo(200);
        assertThat(OfficialTables.of(trialForm).stream().mapToInt(t -> t.values().size()).sum()).isEqualTo(198);
    }

    @Test
    void everyGridPositionIsCoveredByExactlyOneCell() {
        for (FormDefinition any : Forms.all()) {
            for (OfficialTable table : OfficialTables.of(any)) {
                int[][] covered = new int[table.rows().size()][table.columns()];
                for (int r = 0; r < table.rows().size(); r++) {
                    for (GridCell cell : table.rows().get(r)) {
                        assertThat(cell.row()).isEqualTo(r);
                        assertThat(cell.rowSpan()).isPositive();
                        assertThat(cell.columnSpan()).isPositive();
                        for (int y = cell.row(); y <= cell.lastRow(); y++) {
                            for (int x = cell.column(); x <= cell.lastColumn(); x++) {
                                covered[y][x]++;
                            }
                        }
                    }
                    assertThat(table.rows().get(r)).isSortedAccordingTo((a, b) -> a.column() - b.column());
                }
                assertThat(Arrays.stream(covered).flatMapToInt(Arrays::stream))
                        .as("table " + table.number()).containsOnly(1);
            }
        }
    }

    @Test
    void theTablesAreTheFormsThreeWithTheirTitles() {
        assertThat(OfficialTables.of(form)).extracting(OfficialTable::number, OfficialTable::title, OfficialTable::columns,
                t -> t.rows().size()).containsExactly(
                tuple("二", "二、主动公开政府信息情况", 4, 14),
                tuple("三", "三、收到和处理政府信息公开申请情况", 10, 28),
                tuple("四", "四、政府信息公开行政复议、行政诉讼情况", 15, 4));
        assertThat(OfficialTables.of(form)).isSameAs(OfficialTables.of(form));
    }

    @Test
    void tableThreeHasTheMergedHeadingsOfTheForm() {
        OfficialTable three = table("三");
        assertThat(three.stubColumns()).isEqualTo(3);
        assertThat(three.headerRows()).isEqualTo(3);
        assertThat(heading(three, "申请人情况")).isEqualTo(span(0, 3, 1, 6));
        assertThat(heading(three, "自然人")).isEqualTo(span(1, 3, 2, 1));
        assertThat(heading(three, "法人或其他组织")).isEqualTo(span(1, 4, 1, 5));
        assertThat(heading(three, "商业企业")).isEqualTo(span(2, 4, 1, 1));
        assertThat(heading(three, "总计")).isEqualTo(span(0, 9, 3, 1));
        GridCell corner = three.cells().get(0);
        assertThat(corner.kind()).isEqualTo(Kind.CORNER);
        assertThat(corner.text()).contains("第一项加第二项之和，等于第三项加第四项之和");
        assertThat(List.of(corner.rowSpan(), corner.columnSpan())).containsExactly(3, 3);

        assertThat(heading(three, "一、本年新收政府信息公开申请数量")).isEqualTo(span(3, 0, 1, 3));
        assertThat(heading(three, "三、本年度办理结果")).as("the shortened 三/ rows join it").isEqualTo(span(5, 0, 22, 1));
        assertThat(heading(three, "（一）予以公开")).isEqualTo(span(5, 1, 1, 2));
        assertThat(heading(three, "（三）不予公开")).isEqualTo(span(7, 1, 8, 1));
        assertThat(heading(three, "1.属于国家秘密")).isEqualTo(span(7, 2, 1, 1));
        assertThat(heading(three, "（七）总计")).isEqualTo(span(26, 1, 1, 2));
        assertThat(heading(three, "四、结转下年度继续办理")).isEqualTo(span(27, 0, 1, 3));
        assertThat(value(three, "applications.results.withheld.stateSecret.naturalPerson")).isEqualTo(span(7, 3, 1, 1));
        assertThat(value(three, "applications.carriedForward.total")).isEqualTo(span(27, 9, 1, 1));
    }

    @Test
    void tableFourPrintsItsBlocksAsColumnsOverOneRowOfFigures() {
        OfficialTable four = table("四");
        assertThat(four.stubColumns()).isZero();
        assertThat(heading(four, "行政复议")).isEqualTo(span(0, 0, 1, 5));
        assertThat(heading(four, "行政诉讼")).isEqualTo(span(0, 5, 1, 10));
        assertThat(heading(four, "未经复议直接起诉")).isEqualTo(span(1, 5, 1, 5));
        assertThat(heading(four, "复议后起诉")).isEqualTo(span(1, 10, 1, 5));
        assertThat(four.rows().get(1).get(0)).extracting(GridCell::text, GridCell::rowSpan).containsExactly("结果维持", 2);
        assertThat(four.rows().get(3)).hasSize(15).allMatch(GridCell::isValue);
        assertThat(value(four, "reviewLitigation.litigationAfterReview.total")).isEqualTo(span(3, 14, 1, 1));
    }

    @Test
    void tableTwoIsPrintedInBlocksUnderTheirCaptions() {
        OfficialTable two = table("二");
        assertThat(two.headerRows()).isZero();
        assertThat(two.cells()).filteredOn(c -> c.kind() == Kind.CAPTION).extracting(GridCell::text, GridCell::columnSpan)
                .containsExactly(tuple("第二十条第（一）项", 4),
                        tuple("第二十条第（五）项", 4),
                        tuple("第二十条第（六）项", 4),
                        tuple("第二十条第（八）项", 4));
        assertThat(two.cells()).filteredOn(c -> c.kind() == Kind.CORNER).extracting(GridCell::text)
                .containsOnly("信息内容").hasSize(4);
        assertThat(value(two, "activeDisclosure.regulations.issued")).isEqualTo(span(2, 1, 1, 1));
        assertThat(value(two, "activeDisclosure.licensing.decisions")).as("widened under the three columns above")
                .isEqualTo(span(6, 1, 1, 3));
        assertThat(value(two, "activeDisclosure.fees.amountWanYuan")).isEqualTo(span(13, 1, 1, 3));
    }

    @Test
    void theTrialFormPrintsItsOwnTableTwoUnderItsFiveCaptions() {
        assertThat(OfficialTables.of(trialForm)).extracting(OfficialTable::number, OfficialTable::title,
                OfficialTable::columns, t -> t.rows().size()).containsExactly(
                tuple("二", "二、主动公开政府信息情况", 4, 18),
                tuple("三", "三、收到和处理政府信息公开申请情况", 10, 26),
                tuple("四", "四、政府信息公开行政复议、行政诉讼情况", 15, 4));
        OfficialTable two = table(trialForm, "二");
        assertThat(two.cells()).filteredOn(c -> c.kind() == Kind.CAPTION).extracting(GridCell::text)
                .containsExactly("第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "第二十条第（九）项");
        assertThat(two.cells()).filteredOn(c -> c.kind() == Kind.COLUMN_HEADING).extracting(GridCell::text)
                .containsExactly("本年新制作数量", "本年新公开数量", "对外公开总数量",
                        "上一年项目数量", "本年增/减", "处理决定数量",
                        "上一年项目数量", "本年增/减", "处理决定数量",
                        "上一年项目数量", "本年增/减",
                        "采购项目数量", "采购总金额（单位：万元）");
        assertThat(two.cells()).filteredOn(c -> c.kind() == Kind.ROW_HEADING).extracting(GridCell::text)
                .containsExactly("规章", "规范性文件", "行政许可", "其他对外管理服务事项", "行政处罚", "行政强制", "行政事业性收费",
                        "政府集中采购");
        assertThat(value(two, "activeDisclosure.normativeDocuments.totalPublished")).isEqualTo(span(3, 3, 1, 1));
        assertThat(value(two, "activeDisclosure.otherServices.changeThisYear")).isEqualTo(span(7, 2, 1, 1));
        assertThat(value(two, "activeDisclosure.fees.changeThisYear")).as("widened under the columns above")
                .isEqualTo(span(14, 2, 1, 2));
        assertThat(value(two, "activeDisclosure.procurement.totalAmount")).isEqualTo(span(17, 2, 1, 2));
    }

    @Test
    void theTrialFormPrintsItsOtherHandlingAsOneRowAndTablesThreeAndFourAsIn2021() {
        OfficialTable three = table(trialForm, "三");
        assertThat(heading(three, "三、本年度办理结果")).isEqualTo(span(5, 0, 20, 1));
        assertThat(heading(three, "（六）其他处理")).isEqualTo(span(23, 1, 1, 2));
        assertThat(three.rows().get(23)).filteredOn(GridCell::isValue).extracting(c -> c.cell().key())
                .containsExactly("applications.results.other.naturalPerson", "applications.results.other.commercialEnterprise",
                        "applications.results.other.researchInstitution", "applications.results.other.publicWelfareOrg",
                        "applications.results.other.legalServiceOrg", "applications.results.other.otherOrg",
                        "applications.results.other.total");
        assertThat(heading(three, "（七）总计")).isEqualTo(span(24, 1, 1, 2));
        assertThat(heading(three, "申请人情况")).isEqualTo(span(0, 3, 1, 6));
        assertThat(three.cells().get(0).text()).contains("第一项加第二项之和，等于第三项加第四项之和");
        assertThat(table(trialForm, "四").cells()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("cell")
                .isEqualTo(table(form, "四").cells());
    }

    @Test
    void figuresArePrintedExactlyInPlainDigits() {
        assertThat(OfficialTables.figure(new BigDecimal("5949.088667"))).isEqualTo("5949.088667");
        assertThat(OfficialTables.figure(new BigDecimal("123456789012.123456"))).isEqualTo("123456789012.123456");
        assertThat(OfficialTables.figure(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(OfficialTables.figure(new BigDecimal("12.500000"))).isEqualTo("12.5");
        assertThat(OfficialTables.figure(new BigDecimal("0.000000"))).isEqualTo("0");
        assertThat(OfficialTables.figure(null)).isNull();
    }

    @Test
    void aChangeInACountIsPrintedWithItsSign() {
        Cell change = trialForm.requireCell("activeDisclosure.licensing.changeThisYear");
        assertThat(OfficialTables.figure(change, new BigDecimal("-8"))).isEqualTo("-8");
        assertThat(OfficialTables.figure(change, new BigDecimal("1036"))).isEqualTo("+1036");
        assertThat(OfficialTables.figure(change, BigDecimal.ZERO)).isEqualTo("0");
        assertThat(OfficialTables.figure(change, null)).isNull();
        Cell count = trialForm.requireCell("activeDisclosure.licensing.previousYearItems");
        assertThat(OfficialTables.figure(count, new BigDecimal("1036"))).isEqualTo("1036");
    }

    private OfficialTable table(String number) {
        return table(form, number);
    }

    private static OfficialTable table(FormDefinition form, String number) {
        return OfficialTables.of(form).stream().filter(t -> t.number().equals(number)).findFirst().orElseThrow();
    }

    private static List<Integer> heading(OfficialTable table, String text) {
        List<GridCell> found = table.cells().stream().filter(c -> text.equals(c.text())).toList();
        assertThat(found).as(text).hasSize(1);
        return span(found.get(0));
    }

    private static List<Integer> value(OfficialTable table, String key) {
        return span(table.values().stream().filter(c -> c.cell().key().equals(key)).findFirst().orElseThrow());
    }

    private static List<Integer> span(GridCell cell) {
        return span(cell.row(), cell.column(), cell.rowSpan(), cell.columnSpan());
    }

    private static List<Integer> span(int row, int column, int rowSpan, int columnSpan) {
        return List.of(row, column, rowSpan, columnSpan);
    }
}
