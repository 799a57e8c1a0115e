package io.gongkai.intake.imports;

import io.gongkai.intake.imports.PrintedDocument.Paragraph;
import io.gongkai.intake.imports.PrintedDocument.Table;
import io.gongkai.intake.imports.PrintedDocument.TableCell;

import java.util.List;
import java.util.Random;

/**
 * A report as a crawler keeps a published page (the 平潭 samples): a few header lines, then the whole page on one
 * line. Paragraphs and cells follow each other with a space or with nothing between them; the figures of one row
 * always run together ({@code 规章000行政规范性文件8855698}, {@code 1.属于国家秘密00000002.其他…}), table 四's fifteen
 * either so or one space apart. Half-spaced, every gap between two digits of a row's figures has a space or not
 * at random, whether or not it falls between two cells ({@code 10 0 0 0 01}), and stray spaces fall inside words.
 */
final class FlatLayout {

    private final Random random;
    private final boolean halfSpaced;
    private final boolean spacedReviewFigures;
    private final double digitSpacing;

    private FlatLayout(Random random, boolean halfSpaced) {
        this.random = random;
        this.halfSpaced = halfSpaced;
        this.spacedReviewFigures = random.nextBoolean();
        this.digitSpacing = 0.15 + 0.7 * random.nextDouble();
    }

    static String render(PrintedReport report, PrintedDocument document, Random random, boolean halfSpaced) {
        return new FlatLayout(random, halfSpaced).page(report, document);
    }

    private String page(PrintedReport report, PrintedDocument document) {
        StringBuilder out = new StringBuilder();
        out.append("标题: ").append(document.title()).append('\n')
                .append("发布时间: ").append(report.year() + 1).append("-01-").append(10 + random.nextInt(20)).append(' ')
                .append(String.format("%02d:%02d", 8 + random.nextInt(10), random.nextInt(60))).append('\n')
                .append("文号: \n")
                .append("发布机构: ").append(random.nextBoolean() ? report.unitName() : "").append('\n')
                .append("栏目: 政府信息公开年报\n")
                .append("==================== 正文 ====================\n");
        StringBuilder body = new StringBuilder();
        for (PrintedDocument.Block block : document.blocks()) {
            if (block instanceof Paragraph paragraph) {
                body.append(gap()).append(words(paragraph.text()));
            } else if (block instanceof Table table) {
                table(body, table);
            }
        }
        out.append(body.toString().strip()).append('\n');
        return out.toString();
    }

    private void table(StringBuilder out, Table table) {
        boolean reviewFigures = table.rows().get(table.rows().size() - 1).stream().allMatch(TableCell::figure);
        for (List<TableCell> row : table.rows()) {
            StringBuilder figures = null;
            for (TableCell cell : row) {
                if (!cell.figure()) {
                    if (figures != null) {
                        out.append(run(figures.toString()));
                        figures = null;
                    }
                    out.append(gap()).append(words(cell.text()));
                } else if (figures == null) {
                    figures = new StringBuilder(cell.text());
                    out.append(gap());
                } else if (!cell.text().isEmpty()) {
                    boolean spaced = reviewFigures && spacedReviewFigures && !figures.isEmpty();
                    figures.append(spaced ? " " : "").append(cell.text());
                }
            }
            if (figures != null) {
                out.append(run(figures.toString()));
            }
        }
    }

    /** Nothing or a space between two parts of the page; half-spaced, now and then two. */
    private String gap() {
        int choice = random.nextInt(halfSpaced ? 6 : 2);
        return choice == 0 ? "" : choice == 5 ? "  " : " ";
    }

    /** A row's figures: half-spaced, the spaces between its digits are redrawn at random. */
    private String run(String figures) {
        if (!halfSpaced) {
            return figures;
        }
        String digits = figures.replace(" ", "");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            out.append(digits.charAt(i));
            if (i + 1 < digits.length() && Character.isDigit(digits.charAt(i)) && Character.isDigit(digits.charAt(i + 1))
                    && random.nextDouble() < digitSpacing) {
                out.append(' ');
            }
        }
        return out.toString();
    }

    /** Text as the crawler kept it: half-spaced, a stray space now and then between two Chinese characters. */
    private String words(String text) {
        if (!halfSpaced) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            out.append(text.charAt(i));
            if (i + 1 < text.length() && isHan(text.charAt(i)) && isHan(text.charAt(i + 1)) && random.nextInt(40) == 0) {
                out.append(' ');
            }
        }
        return out.toString();
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
