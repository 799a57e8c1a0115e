package io.gongkai.intake.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A published report as its parts stand on the page, before a layout prints it: the title, then paragraphs and
 * tables (cells with their spans, as the Word table has them).
 */
record PrintedDocument(String title, List<Block> blocks) {

    sealed interface Block permits Paragraph, Table {
    }

    /** A paragraph; a heading is a part's or a section's title. */
    record Paragraph(String text, boolean heading) implements Block {
    }

    record Table(List<List<TableCell>> rows) implements Block {
    }

    /** One cell; a figure cell holds one of the report's cells (blank when the report leaves it blank). */
    record TableCell(String text, int rowspan, int colspan, boolean figure) {

        static TableCell text(String text) {
            return new TableCell(text, 1, 1, false);
        }

        static TableCell figure(String text) {
            return new TableCell(text, 1, 1, true);
        }

        TableCell span(int rows, int columns) {
            return new TableCell(text, rows, columns, figure);
        }
    }

    /** The whole report: title, introduction, parts 一 to 六 with tables 二, 三 and 四, the signature. */
    static PrintedDocument of(PrintedReport report, Random random) {
        ReportProse prose = new ReportProse(report, random);
        FormTables tables = new FormTables(report, FormTables.Style.random(report, random));
        List<Block> blocks = new ArrayList<>();
        prose.introduction().forEach(text -> blocks.add(new Paragraph(text, false)));
        blocks.add(new Paragraph("一、总体情况", true));
        blocks.addAll(prose.overview());
        blocks.add(new Paragraph("二、主动公开政府信息情况", true));
        blocks.add(tables.activeDisclosure());
        if (report.has(PrintedReport.Variant.LOCAL_FEE_TABLE)) {
            blocks.add(tables.localFees(prose.processingFee()));
        }
        blocks.add(new Paragraph("三、收到和处理政府信息公开申请情况", true));
        blocks.add(tables.applications());
        blocks.add(new Paragraph("四、政府信息公开行政复议、行政诉讼情况", true));
        blocks.add(tables.reviewLitigation());
        blocks.add(new Paragraph("五、存在的主要问题及改进情况", true));
        prose.problems().forEach(text -> blocks.add(new Paragraph(text, false)));
        blocks.add(new Paragraph("六、其他需要报告的事项", true));
        prose.otherMatters().forEach(text -> blocks.add(new Paragraph(text, false)));
        prose.signature().forEach(text -> blocks.add(new Paragraph(text, false)));
        return new PrintedDocument(report.title(), List.copyOf(blocks));
    }

    /** A figure as reports print it: counts as integers, the fee in 万元 without trailing zeros. */
    static String figure(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
