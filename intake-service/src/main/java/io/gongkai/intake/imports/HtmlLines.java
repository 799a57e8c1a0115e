package io.gongkai.intake.imports;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The lines of an HTML page: its title first, then the body in document order, one line per table row (the cells'
 * texts joined by a tab, an empty cell an empty field) and one per block of text outside tables. Spans are not
 * expanded: the table reader sees the cells as printed. A row one of whose cells holds a table lays the page out
 * rather than printing data (Word and many sites wrap the whole report in such a table), so its cells are read as
 * blocks and the inner table's rows become lines of their own.
 */
final class HtmlLines implements NodeFilter {

    private static final Set<String> SKIPPED =
            Set.of("head", "title", "script", "style", "noscript", "template", "svg", "iframe", "object");
    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "body", "caption",
            "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
            "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
            "main", "menu", "nav", "ol", "option", "p", "pre", "section", "summary", "table", "tbody", "tfoot",
            "thead", "tr", "td", "th", "ul");
    /** HTML's white space, which a browser shows as one space; tabs included, so no tab leaks out of a cell. */
    private static final Pattern HTML_WHITESPACE = Pattern.compile("[ \\t\\n\\r\\f]+");
    private static final Pattern PRE_LINE_BREAK = Pattern.compile("\\r\\n|[\\n\\r\\f]");

    private final Set<Element> layoutRows;
    private final List<String> lines = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private List<String> row;
    private StringBuilder cell;
    private int preDepth;

    private HtmlLines(Set<Element> layoutRows) {
        this.layoutRows = layoutRows;
    }

    static List<String> of(String html) {
        Document page = Jsoup.parse(html);
        HtmlLines reader = new HtmlLines(layoutRows(page));
        reader.addLine(page.title());
        NodeTraversor.filter(reader, page.body());
        reader.endLine();
        return reader.lines;
    }

    /** The rows one of whose cells holds a table: for each table, the nearest row around it. */
    private static Set<Element> layoutRows(Document page) {
        Set<Element> rows = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Element> openRows = new ArrayDeque<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element element) {
                    if (element.normalName().equals("tr")) {
                        openRows.push(element);
                    } else if (element.normalName().equals("table") && !openRows.isEmpty()) {
                        rows.add(openRows.peek());
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.normalName().equals("tr")) {
                    openRows.pop();
                }
            }
        }, page.body());
        return rows;
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode text) {
            addText(text.getWholeText());
            return FilterResult.CONTINUE;
        }
        if (!(node instanceof Element element)) {
            return FilterResult.CONTINUE;
        }
        String name = element.normalName();
        if (SKIPPED.contains(name)) {
            return FilterResult.SKIP_ENTIRELY;
        }
        if (cell != null) {
            separateInCell(name);
        } else if (name.equals("tr") && !layoutRows.contains(element)) {
            endLine();
            row = new ArrayList<>();
        } else if ((name.equals("td") || name.equals("th")) && row != null) {
            cell = new StringBuilder();
        } else if (name.equals("br") || BLOCKS.contains(name)) {
            endLine();
            if (name.equals("pre")) {
                preDepth++;
            }
        }
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (!(node instanceof Element element)) {
            return FilterResult.CONTINUE;
        }
        String name = element.normalName();
        if (cell != null && (name.equals("td") || name.equals("th"))) {
            row.add(LineNormalizer.normalize(cell.toString()));
            cell = null;
        } else if (cell != null) {
            separateInCell(name);
        } else if (name.equals("tr") && row != null) {
            addLine(String.join("\t", row));
            row = null;
        } else if (BLOCKS.contains(name)) {
            endLine();
            if (name.equals("pre")) {
                preDepth--;
            }
        }
        return FilterResult.CONTINUE;
    }

    /** Inside a cell a line break or a paragraph only separates words: the cell stays one field of its row. */
    private void separateInCell(String name) {
        if (name.equals("br") || BLOCKS.contains(name)) {
            cell.append(' ');
        }
    }

    private void addText(String text) {
        if (cell != null) {
            cell.append(HTML_WHITESPACE.matcher(text).replaceAll(" "));
        } else if (row != null) {
            // White space between the cells of a row belongs to no cell.
            return;
        } else if (preDepth > 0) {
            String[] preLines = PRE_LINE_BREAK.split(text, -1);
            for (int i = 0; i < preLines.length; i++) {
                if (i > 0) {
                    endLine();
                }
                line.append(preLines[i].replace('\t', ' '));
            }
        } else {
            line.append(HTML_WHITESPACE.matcher(text).replaceAll(" "));
        }
    }

    private void endLine() {
        addLine(line.toString());
        line.setLength(0);
    }

    private void addLine(String text) {
        String normalized = LineNormalizer.normalize(text);
        if (!LineNormalizer.isEmpty(normalized)) {
            lines.add(normalized);
        }
    }
}
