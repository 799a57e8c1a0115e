package io.gongkai.intake.imports;

import io.gongkai.intake.imports.PrintedDocument.Paragraph;
import io.gongkai.intake.imports.PrintedDocument.Table;
import io.gongkai.intake.imports.PrintedDocument.TableCell;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * A report as Word saves it as a web page: Office namespaces, an XML island and a style sheet in the head (full of
 * digits that are no figures), paragraphs of class MsoNormal wrapped at odd places, tables whose cells hold a
 * paragraph of spans ending in {@code <o:p></o:p>}, {@code &nbsp;} in blank cells, the hidden row Word adds for
 * misaligned columns; in some documents full-width digits, figures split over two spans, quotes as entities and
 * narrow headers as two paragraphs. Served in UTF-8 or GBK, the charset in a meta tag, in the content type, or both.
 */
final class HtmlLayout {

    private static final int WRAP = 76;

    private final Random random;
    private final String fullWidthDigits;
    private final boolean splitSpans;
    private final boolean quoteEntities;

    private HtmlLayout(Random random) {
        this.random = random;
        int digits = random.nextInt(8);
        this.fullWidthDigits = digits < 5 ? "none" : digits < 7 ? "all" : "some";
        this.splitSpans = random.nextInt(6) == 0;
        this.quoteEntities = random.nextInt(4) == 0;
    }

    static PublishedLayouts.Body render(PrintedDocument document, Random random) {
        return new HtmlLayout(random).page(document);
    }

    private PublishedLayouts.Body page(PrintedDocument document) {
        int choice = random.nextInt(5);
        Charset charset = choice < 2 ? StandardCharsets.UTF_8 : PublishedLayouts.GB18030;
        String meta = switch (choice) {
            case 0 -> "<meta charset=\"utf-8\">";
            case 1 -> "<meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">";
            case 2 -> "<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">";
            case 3 -> "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">";
            default -> "<meta charset=\"gb18030\">";
        };
        String contentType = switch (choice) {
            case 0 -> "text/html; charset=utf-8";
            case 3 -> "text/html; charset=GBK";
            case 4 -> "text/html;charset=GB18030";
            default -> "text/html";
        };
        StringBuilder out = new StringBuilder();
        out.append("""
                <html xmlns:v="urn:schemas-microsoft-com:vml"
                xmlns:o="urn:schemas-microsoft-com:office:office"
                xmlns:w="urn:schemas-microsoft-com:office:word"
                xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
                xmlns="http://www.w3.org/TR/REC-html40">

                <head>
                """).append(meta).append("\n").append("""
                <meta name=ProgId content=Word.Document>
                <meta name=Generator content="Microsoft Word 15">
                <meta name=Originator content="Microsoft Word 15">
                <title>""").append(document.title()).append("""
                </title>
                <!--[if gte mso 9]><xml>
                 <o:DocumentProperties>
                  <o:Author>admin</o:Author>
                  <o:LastAuthor>dell</o:LastAuthor>
                  <o:Revision>3</o:Revision>
                  <o:TotalTime>12</o:TotalTime>
                  <o:Created>2024-01-18T02:41:00Z</o:Created>
                  <o:Pages>5</o:Pages>
                  <o:Words>615</o:Words>
                  <o:Characters>3510</o:Characters>
                  <o:Lines>29</o:Lines>
                  <o:Paragraphs>8</o:Paragraphs>
                  <o:CharactersWithSpaces>4117</o:CharactersWithSpaces>
                  <o:Version>16.00</o:Version>
                 </o:DocumentProperties>
                </xml><![endif]-->
                <style>
                <!--
                 /* Font Definitions */
                 @font-face
                	{font-family:宋体;
                	panose-1:2 1 6 0 3 1 1 1 1 1;
                	mso-font-charset:134;
                	mso-generic-font-family:auto;
                	mso-font-pitch:variable;
                	mso-font-signature:3 680460288 22 0 262145 0;}
                 /* Style Definitions */
                 p.MsoNormal, li.MsoNormal, div.MsoNormal
                	{mso-style-unhide:no;
                	margin:0cm;
                	text-align:justify;
                	text-justify:inter-ideograph;
                	font-size:10.5pt;
                	font-family:"Calibri",sans-serif;
                	mso-font-kerning:1.0pt;}
                @page WordSection1
                	{size:595.3pt 841.9pt;
                	margin:72.0pt 90.0pt 72.0pt 90.0pt;
                	mso-header-margin:42.55pt;
                	mso-footer-margin:49.6pt;
                	mso-paper-source:0;
                	layout-grid:15.6pt;}
                div.WordSection1
                	{page:WordSection1;}
                -->
                </style>
                </head>

                <body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

                <div class=WordSection1 style='layout-grid:15.6pt'>

                <p class=MsoNormal align=center style='text-align:center;line-height:28.0pt;mso-line-height-rule:exactly'><b><span
                style='font-size:22.0pt;font-family:方正小标宋简体;mso-hansi-font-family:宋体'>""")
                .append(text(document.title())).append("<span lang=EN-US><o:p></o:p></span></span></b></p>\n\n");
        for (PrintedDocument.Block block : document.blocks()) {
            if (block instanceof Paragraph paragraph) {
                paragraph(out, paragraph);
            } else if (block instanceof Table table) {
                table(out, table);
            }
        }
        out.append("</div>\n\n</body>\n\n</html>\n");
        String html = out.toString();
        return new PublishedLayouts.Body(PublishedLayouts.encode(html, charset), contentType, html);
    }

    private void paragraph(StringBuilder out, Paragraph paragraph) {
        String font = paragraph.heading() ? "黑体" : "仿宋_GB2312";
        out.append("<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;"
                + "mso-line-height-rule:exactly'>").append(paragraph.heading() ? "<b>" : "")
                .append("<span\nstyle='font-size:16.0pt;font-family:").append(font).append("'>")
                .append(wrap(text(paragraph.text()))).append(paragraph.heading() ? "</span></b>" : "</span>")
                .append("<span lang=EN-US style='font-size:16.0pt'><o:p></o:p></span></p>\n\n");
    }

    private void table(StringBuilder out, Table table) {
        int columns = table.rows().get(0).stream().mapToInt(TableCell::colspan).sum();
        out.append("<div align=center>\n\n<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0\n"
                + " style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;\n"
                + " mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n");
        for (int r = 0; r < table.rows().size(); r++) {
            out.append(" <tr style='mso-yfti-irow:").append(r).append(r == 0 ? ";mso-yfti-firstrow:yes" : "")
                    .append(";height:20.0pt'>\n");
            for (TableCell cell : table.rows().get(r)) {
                cell(out, cell);
            }
            out.append(" </tr>\n");
        }
        out.append(" <![if !supportMisalignedColumns]>\n <tr height=0>\n");
        for (int c = 0; c < columns; c++) {
            out.append("  <td width=").append(40 + random.nextInt(60)).append(" style='border:none'></td>\n");
        }
        out.append(" </tr>\n <![endif]>\n</table>\n\n</div>\n\n");
    }

    private void cell(StringBuilder out, TableCell cell) {
        int width = 45 * cell.colspan() + random.nextInt(20);
        out.append("  <td width=").append(width);
        if (cell.colspan() > 1) {
            out.append(" colspan=").append(cell.colspan());
        }
        if (cell.rowspan() > 1) {
            out.append(" rowspan=").append(cell.rowspan());
        }
        out.append(" valign=top style='width:").append(width * 3 / 4).append(".0pt;border:solid windowtext 1.0pt;\n"
                + "  border-top:none;mso-border-top-alt:solid windowtext .5pt;mso-border-alt:solid windowtext .5pt;\n"
                + "  padding:0cm 5.4pt 0cm 5.4pt;height:20.0pt'>\n");
        List<String> paragraphs = !cell.figure() && cell.text().matches("\\p{IsHan}+( \\p{IsHan}+)+")
                ? List.of(cell.text().split(" ")) : List.of(cell.text());
        for (String text : paragraphs) {
            out.append("  <p class=MsoNormal align=center style='text-align:center;mso-pagination:widow-orphan'>");
            if (text.isEmpty()) {
                out.append("<span lang=EN-US style='font-size:10.5pt;font-family:宋体'><o:p>&nbsp;</o:p></span></p>\n");
            } else if (cell.figure()) {
                out.append(figure(text)).append("<span lang=EN-US\n  style='font-size:10.5pt'><o:p></o:p></span></p>\n");
            } else {
                out.append("<span\n  style='font-size:10.5pt;font-family:宋体;mso-bidi-font-family:宋体;mso-font-kerning:0pt'>")
                        .append(wrap(text(text))).append("<span lang=EN-US><o:p></o:p></span></span></p>\n");
            }
        }
        out.append("  </td>\n");
    }

    private String figure(String figure) {
        String printed = switch (fullWidthDigits) {
            case "all" -> fullWidth(figure);
            case "some" -> random.nextBoolean() ? fullWidth(figure) : figure;
            default -> figure;
        };
        String span = "<span lang=EN-US style='font-size:10.5pt;font-family:宋体;mso-bidi-font-family:宋体;"
                + "color:black;mso-font-kerning:0pt'>";
        if (splitSpans && printed.length() > 1) {
            int at = 1 + random.nextInt(printed.length() - 1);
            return span + printed.substring(0, at) + "</span><span lang=EN-US style='font-size:10.5pt;"
                    + "mso-bidi-font-family:宋体'>" + printed.substring(at) + "</span>";
        }
        return span + printed + "</span>";
    }

    private static String fullWidth(String figure) {
        StringBuilder out = new StringBuilder();
        figure.chars().forEach(c -> out.append(c >= '0' && c <= '9' ? (char) ('０' + c - '0') : (char) c));
        return out.toString();
    }

    private String text(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return quoteEntities ? escaped.replace("“", "&ldquo;").replace("”", "&#8221;") : escaped;
    }

    /** Word breaks long lines of its source between two characters of Chinese text, never inside a number. */
    private String wrap(String text) {
        StringBuilder out = new StringBuilder();
        int sinceBreak = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            sinceBreak++;
            if (sinceBreak >= WRAP && i + 1 < text.length() && isHan(c) && isHan(text.charAt(i + 1))) {
                out.append('\n');
                sinceBreak = 0;
            }
        }
        return out.toString();
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
