package io.gongkai.intake.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.form.Severity;
import io.gongkai.intake.api.ImportDraft;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Real published reports read into the submissions their publishers printed. */
class PublishedReportReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PublishedReportReader READER = new PublishedReportReader(DivisionTable.national());
    private static final List<String> REVIEW = List.of("/reviewLitigation/review/upheld", "/reviewLitigation/review/corrected",
            "/reviewLitigation/review/other", "/reviewLitigation/review/pending", "/reviewLitigation/review/total");

    @Test
    void theSanyingReportGivesEveryCellItPrintsAndNamesTheFiveReviewCellsItLeavesBlank() throws IOException {
        ImportDraft draft = READER.read(resource("/imports/sanying-township-2023.txt"), "text/plain; charset=UTF-8",
                ImportHints.NONE);

        assertThat(draft.unit().code()).isEqualTo("640402100");
        assertThat(draft.year()).isEqualTo(2023);
        assertThat(draft.formVersion()).isEqualTo("2021");
        JsonNode expected = JSON.readTree(resource("/examples/sanying-township-2023.json"));
        for (Cell cell : Forms.require("2021").cells()) {
            JsonNode read = draft.submission().at(cell.pointer());
            if (REVIEW.contains(cell.pointer())) {
                assertThat(read.isNull()).as(cell.pointer()).isTrue();
                assertThat(named(draft, cell.pointer())).as("a finding names " + cell.pointer()).isTrue();
            } else {
                assertThat(read.decimalValue()).as(cell.pointer()).isEqualByComparingTo(expected.at(cell.pointer()).decimalValue());
            }
        }
        assertThat(draft.findings()).filteredOn(f -> f.severity() == Severity.ERROR)
                .allSatisfy(f -> assertThat(REVIEW).containsAll(f.pointers()));
        assertThat(draft.sources()).anySatisfy(s -> {
            assertThat(s.pointer()).isEqualTo("/activeDisclosure/licensing/decisions");
            assertThat(s.printed()).isEqualTo("179");
        });
        assertThat(draft.submission().at("/text/problemsAndImprovements").asText()).contains("政务公开工作取得了一定成效");
        assertThat(draft.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("TEXT.PLACEHOLDER");
            assertThat(f.actual()).contains("x件");
        });
    }

    @Test
    void theSameReportInGb18030GivesTheSameDraft() throws IOException {
        byte[] utf8 = resource("/imports/sanying-township-2023.txt");
        byte[] gb = new String(utf8, StandardCharsets.UTF_8).getBytes(Charset.forName("GB18030"));

        ImportDraft fromUtf8 = READER.read(utf8, "text/plain; charset=UTF-8", ImportHints.NONE);
        ImportDraft fromGb = READER.read(gb, "text/plain; charset=GBK", ImportHints.NONE);

        assertThat(fromGb.submission()).isEqualTo(fromUtf8.submission());
        assertThat(fromGb.findings()).isEqualTo(fromUtf8.findings());
        assertThat(fromGb.document().charset()).isEqualTo("GB18030");
    }

    @Test
    void aCrawledCountyPageWithItsCellsRunTogetherReadsToWhatItsPublisherPrinted() throws IOException {
        ImportDraft draft = READER.read(resource("/imports/pingtan-2022/page.txt"), "text/plain",
                new ImportHints("350128", null, null));

        assertThat(draft.year()).isEqualTo(2022);
        assertCells(draft, JSON.readTree(resource("/imports/pingtan-2022/expected.json")));
        assertThat(draft.findings()).noneMatch(Finding::isError);
        // 8855698 splits many ways; the text's 现行有效…698件 and 制发…88件 settle it.
        assertThat(draft.findings()).anyMatch(f -> f.rule().equals(FormReader.SETTLED_BY_TEXT));
    }

    @Test
    void aCrawledTownshipLevelPageReadsToWhatItsPublisherPrinted() throws IOException {
        ImportDraft draft = READER.read(resource("/imports/pingtan-junshanpq-2024/page.txt"), "text/plain",
                new ImportHints("350128-JSPQ", "350128", null));

        assertThat(draft.year()).isEqualTo(2024);
        assertThat(draft.unit().parentCode()).isEqualTo("350128");
        assertCells(draft, JSON.readTree(resource("/imports/pingtan-junshanpq-2024/expected.json")));
        assertThat(draft.findings()).noneMatch(Finding::isError);
    }

    @Test
    void figuresThatRanTogetherAndSplitTwoWaysUnderEveryRuleAreNamedNotGuessed() {
        // 二's 规范性文件 row "1234" splits 1|2|34, 1|23|4, 12|3|4 and no text says which.
        String page = "某某镇2023年政府信息公开工作年度报告\n二、主动公开政府信息情况 规章000行政规范性文件1234行政许可5行政处罚0行政强制0"
                + "行政事业性收费0三、收到和处理政府信息公开申请情况";
        ImportDraft draft = READER.read(page.getBytes(StandardCharsets.UTF_8), "text/plain", new ImportHints("640402100", null, 2023));

        for (String column : List.of("issued", "repealed", "inForce")) {
            String pointer = "/activeDisclosure/normativeDocuments/" + column;
            assertThat(draft.submission().at(pointer).isNull()).as(pointer).isTrue();
            assertThat(draft.findings()).anyMatch(f -> f.rule().equals(FormReader.AMBIGUOUS) && f.pointers().contains(pointer));
        }
        assertThat(draft.submission().at("/activeDisclosure/licensing/decisions").intValue()).isEqualTo(5);
        assertThat(draft.submission().at("/applications/newReceived/total").isNull()).isTrue();
        assertThat(named(draft, "/applications/newReceived/total")).isTrue();
    }

    private static void assertCells(ImportDraft draft, JsonNode expected) {
        for (Cell cell : Forms.require("2021").cells()) {
            assertThat(draft.submission().at(cell.pointer()).decimalValue()).as(cell.pointer())
                    .isEqualByComparingTo(expected.at(cell.pointer()).decimalValue());
        }
    }

    static boolean named(ImportDraft draft, String pointer) {
        return draft.findings().stream().flatMap(f -> f.pointers().stream())
                .anyMatch(p -> pointer.equals(p) || pointer.startsWith(p + "/"));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PublishedReportReaderTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
