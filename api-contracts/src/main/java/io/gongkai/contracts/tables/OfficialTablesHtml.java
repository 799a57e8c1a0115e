package io.gongkai.contracts.tables;

import java.util.List;

/**
 * The official tables as one HTML5 document, printable on A4: each table a {@code <table>} with the form's captions
 * and merged headings (rowspan/colspan from the layout), figures right-aligned and exact, a blank for a cell the report
 * does not give, and a page break between tables. Every text is escaped. Linear in the cells of the form.
 */
public final class OfficialTablesHtml {

    /** Inline, so the document prints the same saved to disk or served under a strict Content-Security-Policy. */
    static final String STYLE = """
            @page { size: A4; margin: 15mm 12mm; }
            html { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
                   font-size: 10pt; color: #000; background: #fff; }
            body { max-width: 186mm; margin: 0 auto; padding: 8mm 0; }
            header { text-align: center; margin-bottom: 6mm; }
            h1 { font-size: 15pt; margin: 0 0 2mm; }
            header p { font-size: 9pt; margin: 0 0 1mm; }
            section { margin-top: 8mm; }
            table { width: 100%; border-collapse: collapse; }
            caption { caption-side: top; text-align: left; font-weight: bold; font-size: 11pt; padding-bottom: 2mm; }
            th, td { border: 0.5pt solid #000; padding: 1mm 1.2mm; vertical-align: middle; }
            th { font-weight: normal; text-align: center; overflow-wrap: anywhere; }
            th.row { text-align: left; }
            th.caption { text-align: left; font-weight: bold; }
            td { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
            @media print {
              body { max-width: none; padding: 0; }
              section { margin-top: 0; }
              section + section { break-before: page; page-break-before: always; }
              thead { display: table-header-group; }
              tr { break-inside: avoid; page-break-inside: avoid; }
            }
            """;

    private OfficialTablesHtml() {
    }

    /** A complete HTML5 document (UTF-8) with the report's heading and its tables. */
    public static String document(PrintedReport report) {
        StringBuilder html = new StringBuilder(32 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        escape(html, report.title());
        html.append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<header>\n<h1>");
        escape(html, report.title());
        html.append("</h1>\n<p>");
        escape(html, report.subtitle());
        html.append("</p>\n<p>");
        escape(html, report.formTitle());
        html.append("</p>\n</header>\n");
        for (OfficialTable table : OfficialTables.of(report.values().form())) {
            table(html, table, report);
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder html, OfficialTable table, PrintedReport report) {
        html.append("<section>\n<table>\n<caption>");
        escape(html, table.title());
        html.append("</caption>\n");
        List<List<GridCell>> rows = table.rows();
        if (table.headerRows() > 0) {
            html.append("<thead>\n");
        }
        for (int r = 0; r < rows.size(); r++) {
            if (r == table.headerRows()) {
                html.append(r == 0 ? "" : "</thead>\n").append("<tbody>\n");
            }
            html.append("<tr>");
            for (GridCell cell : rows.get(r)) {
                cell(html, cell, report);
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static void cell(StringBuilder html, GridCell cell, PrintedReport report) {
        boolean value = cell.isValue();
        html.append(value ? "<td" : "<th");
        switch (cell.kind()) {
            case CAPTION -> html.append(" class=\"caption\"");
            case ROW_HEADING -> html.append(" class=\"row\" scope=\"").append(cell.rowSpan() > 1 ? "rowgroup" : "row").append('"');
            case COLUMN_HEADING -> html.append(" scope=\"").append(cell.columnSpan() > 1 ? "colgroup" : "col").append('"');
            default -> {
            }
        }
        if (cell.rowSpan() > 1) {
            html.append(" rowspan=\"").append(cell.rowSpan()).append('"');
        }
        if (cell.columnSpan() > 1) {
            html.append(" colspan=\"").append(cell.columnSpan()).append('"');
        }
        html.append('>');
        if (value) {
            String figure = OfficialTables.figure(cell.cell(), report.values().get(cell.cell()));
            if (figure != null) {
                html.append(figure);
            }
        } else {
            escape(html, cell.text());
        }
        html.append(value ? "</td>" : "</th>");
    }

    /** Escapes text for element content and quoted attributes alike. */
    static void escape(StringBuilder html, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
    }
}
