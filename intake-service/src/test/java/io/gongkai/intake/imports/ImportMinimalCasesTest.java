package io.gongkai.intake.imports;

import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.form.Cell;
import io.gongkai.intake.api.ImportDraft;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The smallest documents found by {@link ImportRoundTripTest} that the reader read as other numbers than they
 * print. Each gives the document and what it prints, row by row; every cell of a row not given is not printed, so
 * it must be null and named. Those the reader still reads wrongly are disabled, saying how.
 */
class ImportMinimalCasesTest {

    private static final String TITLE = "原州区三营镇2023年政府信息公开工作年度报告\n";
    private static final String ZEROS = "0000000";
    private static final String APPLICATIONS_HEAD = "三、收到和处理政府信息公开申请情况 申请人情况 自然人 法人或其他组织 总计 商业企业 "
            + "科研机构 社会公益组织 法律服务机构 其他 ";
    private static final String REVIEW_HEAD = "四、政府信息公开行政复议、行政诉讼情况 行政复议 行政诉讼 结果维持结果纠正其他结果尚未审结总计 "
            + "未经复议直接起诉 复议后起诉 结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计 ";

    private final PublishedReportReader reader = new PublishedReportReader(DivisionTable.national());

    /** Half-spaced: the seven tokens break the row's total; the digits split one way that keeps it. */
    @Test
    void aHalfSpacedRowWhoseSpacesBreakItsTotalIsReadFromItsDigits() {
        assertReadAsPrinted(APPLICATIONS_HEAD + "四、结转下年度继续办理 1 0 5 8 67 94 5 四、政府信息公开行政复议、行政诉讼情况",
                Map.of("applications.carriedForward", "10|5|8|6|7|9|45"));
    }

    /**
     * Half-spaced: 予以公开 prints 11|0|7|1|0|0|19 with its spaces where 1|1|0|7|10|0|19 would have them, and 重复申请
     * prints 1|1|0|7|10|0|19 run together. Both rows keep their totals either way and the columns add up either way,
     * so the spaces alone decide, and the reader takes them: both rows are read swapped, 予以公开 with no finding.
     */
    @Test
    void aHalfSpacedRowThatReadsValidlyBothWaysDoesNotDecideTheRowsAroundIt() {
        assertReadAsPrinted(APPLICATIONS_HEAD + "一、本年新收政府信息公开申请数量 12 1 7 8 10 0 38 二、上年结转政府信息公开申请数量 "
                        + ZEROS + " 三、本年度办理结果 （一）予以公开 1 1 0 7 10 0 19 （五）不予处理 2.重复申请 110710019 "
                        + "（七）总计 12 1 7 8 10 0 38 四、结转下年度继续办理 " + ZEROS + " 四、政府信息公开行政复议、行政诉讼情况",
                Map.of("applications.newReceived", "12|1|7|8|10|0|38",
                        "applications.carriedOver", "0|0|0|0|0|0|0",
                        "applications.results.granted", "11|0|7|1|0|0|19",
                        "applications.results.notProcessed.duplicate", "1|1|0|7|10|0|19",
                        "applications.results.total", "12|1|7|8|10|0|38",
                        "applications.carriedForward", "0|0|0|0|0|0|0"));
    }

    /** Half-spaced: no rule checks a row of table 二, so its digits split many ways and its spaces settle nothing. */
    @Test
    void aHalfSpacedRowOfTableTwoIsNotTakenAsItsSpacesCutIt() {
        assertReadAsPrinted("二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 "
                        + "行政规范性文件 0 32 3 第二十条第（五）项 信息内容 本年处理决定数量 行政许可 8 0 三、收到和处理政府信息公开申请情况",
                Map.of("activeDisclosure.regulations", "0|0|0",
                        "activeDisclosure.normativeDocuments", "0|3|23",
                        "activeDisclosure.licensing", "80"));
    }

    /**
     * Run together: the row prints 1|0|3109|1|1|2763|5876, whose total is one more than its columns; every split of
     * its digits that keeps the row's rule ends in 635|876, so the reader settles those two cells as 635 and 876.
     * The same digits are what a valid row (10|3|10|91|127|635|876) prints, so no reader can tell the two apart:
     * the cells of a row split by the rules are either left null or returned under a warning.
     */
    @Test
    void aRunTogetherRowThatBreaksItsTotalCannotBeToldFromAValidOneAndIsNamedForChecking() {
        ImportDraft draft = reader.read((TITLE + APPLICATIONS_HEAD + "（五）不予处理 3.要求提供公开出版物1031091127635876"
                        + " 四、政府信息公开行政复议、行政诉讼情况\n").getBytes(StandardCharsets.UTF_8),
                "text/plain; charset=UTF-8", new ImportHints("640402100", null, 2023));

        // Both 1|0|3109|1|1|2763|5876 (its total one too high) and the valid 10|3|10|91|127|635|876 print these digits:
        // the reader can only read the valid one, and names the row so that someone checks it against the page.
        assertThat(draft.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo(FormReader.SPLIT);
            assertThat(f.pointers()).containsExactly("/applications/results/notProcessed/publication");
        });
    }

    /**
     * Run together, 行政复议 blank: the ten figures of the two 行政诉讼 blocks also split into fifteen that keep every
     * block's total (1|6|6|21|34, 30|142|44|37|253, then the last block as printed), so the reader makes up the
     * five blank cells and misreads the next five, with no finding. (Without a row of table 三 before it, the
     * reader does not find table 四 at all.)
     */
    @Test
    void aBlankReviewBlockInACrawlersCopyIsNotReadFromTheLitigationFigures() {
        assertReadAsPrinted(APPLICATIONS_HEAD + "四、结转下年度继续办理" + ZEROS + REVIEW_HEAD
                        + "166213430142443725325362633239619149479五、存在的主要问题及改进情况",
                Map.of("applications.carriedForward", "0|0|0|0|0|0|0",
                        "reviewLitigation.litigationDirect", "1662|134|3014|2443|7253",
                        "reviewLitigation.litigationAfterReview", "2536|2633|2396|1914|9479"));
    }

    /**
     * Reads the document (after a title line) and checks every cell: a row given prints those figures, in the
     * form's order of its cells; every other cell is not printed.
     */
    private void assertReadAsPrinted(String document, Map<String, String> printedRows) {
        ImportDraft draft = reader.read((TITLE + document + "\n").getBytes(StandardCharsets.UTF_8),
                "text/plain; charset=UTF-8", new ImportHints("640402100", null, 2023));

        ImportChecks.Outcome outcome = ImportChecks.check(cell -> printed(printedRows, cell), draft, false);
        assertThat(outcome.problems()).as(ImportChecks.describe(outcome.problems(), draft)).isEmpty();
    }

    private static BigDecimal printed(Map<String, String> printedRows, Cell cell) {
        String row = cell.key().substring(0, cell.key().lastIndexOf('.'));
        String figures = printedRows.get(row);
        if (figures == null) {
            return null;
        }
        int column = ImportChecks.FORM.cells().stream().filter(c -> c.key().startsWith(row + "."))
                .map(Cell::key).toList().indexOf(cell.key());
        return new BigDecimal(figures.split("\\|")[column]);
    }
}
