package io.gongkai.intake.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A published report as the lines the table reader scans, in reading order. A text copy keeps its lines; an HTML
 * page gives one line per table row (cells joined by a tab) and one per paragraph or other block around the tables.
 * Every line is normalized ({@link LineNormalizer}) and lines with nothing in them are dropped, so the reader meets
 * the same line whether a report was published as a page, copied as text, or exported from Word.
 */
public final class DocumentLines {

    /** Line ends, and the form feeds with which text exported from a PDF starts each page. */
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|[\\n\\r\\f]");

    private DocumentLines() {
    }

    public static List<String> of(SourceDocument document) {
        return switch (document.kind()) {
            case TEXT -> textLines(document.text());
            case HTML -> HtmlLines.of(document.text());
        };
    }

    private static List<String> textLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : LINE_BREAK.split(text)) {
            String normalized = LineNormalizer.normalize(line);
            if (!LineNormalizer.isEmpty(normalized)) {
                lines.add(normalized);
            }
        }
        return lines;
    }
}
