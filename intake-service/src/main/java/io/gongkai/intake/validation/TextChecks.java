package io.gongkai.intake.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.contracts.form.Cell;
import io.gongkai.contracts.form.CellValues;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.Severity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a report's prose for what its tables cannot show: fill-in placeholders left in (x件, ××局), an empty
 * part 五, and figures the text states that differ from the tables. Prose is read by patterns, which can misread,
 * so every finding is a warning, and a pattern only speaks when its keyword and its number share a clause.
 *
 * <p>The cost is linear in the text: sentences and clauses are found in one scan, no pattern nests quantifiers or
 * has an unbounded gap, a pattern is tried only where its first character is, figures are looked for in the first
 * {@value #MAX_CLAUSE} characters of a clause only, and reading stops once {@value #MAX_WARNINGS} findings are
 * listed.
 */
public final class TextChecks {

    public static final String PLACEHOLDER = "TEXT.PLACEHOLDER";
    public static final String EMPTY_PART5 = "TEXT.EMPTY_PART5";
    public static final String CONTRADICTS_TABLE = "TEXT.CONTRADICTS_TABLE";
    public static final String LIMIT = "TEXT.LIMIT";
    /** The pointer of a sentence read from a whole published document rather than from a submission's field. */
    public static final String DOCUMENT = "/document";

    static final int MAX_WARNINGS = 50;
    static final int MAX_CLAUSE = 300;
    private static final int EXCERPT = 120;

    /** A submission's texts in the form's order: parts 一, 五 and 六. */
    private static final List<String> FIELDS = List.of("overview", "problemsAndImprovements", "otherMatters");
    private static final String PART5 = "problemsAndImprovements";

    private static final String MEASURE = "(?:件|条|次|个|人|项|份|万元|元|年|月|日|起|篇|家|户|名|期|场)";
    private static final String UNIT_SUFFIX = "(?:镇|乡|街道|村|社区|县|区|市|省|局|委|办|厅|部|科|室|中心|公司|单位|政府|号|文)";
    /** Next to a Latin letter, a digit or address punctuation, a run of x is part of a word, number or URL. */
    private static final String WORD = "\\p{IsLatin}0-9０-９._/:@\\-";

    /** The characters a placeholder starts with; the placeholder pattern is tried only where a run of one starts. */
    private static final String PLACEHOLDER_MARKS = "xXｘＸ×＊□某";
    /**
     * An x or × where a count belongs (留言x件, 20XX年), a run of two or more standing alone (××局, XXX), 某某
     * before a measure word or unit name or not after a surname (张某某 is how a person is anonymised), ＊＊, □□.
     * Runs are possessive, so trying it at the start of a run costs the run once.
     */
    private static final Pattern PLACEHOLDERS = Pattern.compile(
            "(?<![\\p{IsLatin}×])[xXｘＸ×]{1,4}+\\s?" + MEASURE
            + "|(?<![" + WORD + "×＊□])(?:[xXｘＸ×]{2,}+|＊{2,}+|□{2,}+)(?![" + WORD + "])"
            + "|某某(?=" + MEASURE + "|" + UNIT_SUFFIX + ")|(?<!\\p{IsHan})某某");

    /** The characters a statement that no application came in starts with. */
    private static final String NONE_RECEIVED_STARTS = "未没无依";
    /** 未收到…申请, 无…依申请公开, 依申请公开0件: none received; a 复议, 诉讼 or 许可 application is another matter. */
    private static final Pattern NO_APPLICATIONS = Pattern.compile(
            "(?:未|没有)(?:收到|接到|接收到?|受理)[^复诉许其]{0,30}?申请(?!人)"
                    + "|(?<![并毫])无(?![论需须法偿正])[^复诉许其0-9０-９]{0,6}?依申请公开"
                    + "|依申请公开[共计合总数量件为有是达到：:\\s]{0,6}[0０]\\s?件");

    /** What may stand between a keyword and its number: 共, 共计, 为, 数量为, a colon. */
    private static final String COUNT = "[共计合总数量件为有是达到：:\\s]{0,6}"
            + "([0-9０-９]{1,9}|[零〇一二两三四五六七八九十]{1,4})\\s?[件起]";

    /** Reports often count the applications carried over among those received (收到申请75件 for 74 new + 1). */
    private static final Figure RECEIVED = new Figure(List.of("applications.newReceived.total"),
            List.of("applications.carriedOver.total"), "申请", List.of("结转", "上年"),
            Pattern.compile("(?<!未|没有)(?:收到|受理|新收|接收)[^0-9０-９复诉结转处办]{0,25}?申请(?!人)" + COUNT));
    private static final List<Figure> FIGURES = List.of(RECEIVED,
            new Figure(List.of("activeDisclosure.normativeDocuments.inForce"), List.of(), "现行有效", List.of(),
                    Pattern.compile("现行有效[^0-9０-９章]{0,20}?规范性文件" + COUNT),
                    Pattern.compile("规范性文件[^0-9０-９章]{0,6}?现行有效" + COUNT)),
            new Figure(List.of("activeDisclosure.regulations.inForce"), List.of(), "现行有效", List.of(),
                    Pattern.compile("现行有效[^0-9０-９文]{0,20}?规章" + COUNT),
                    Pattern.compile("规章[^0-9０-９文制度]{0,6}?现行有效" + COUNT)),
            new Figure(List.of("activeDisclosure.normativeDocuments.issued"), List.of(), "规范性文件",
                    List.of("累计", "以来", "历年"),
                    Pattern.compile("(?:制发|印发|出台)[^0-9０-９章]{0,15}?规范性文件" + COUNT)),
            new Figure(List.of("reviewLitigation.review.total"), List.of(), "行政复议", List.of(),
                    Pattern.compile("行政复议(?:案件|申请)?" + COUNT)),
            new Figure(List.of("reviewLitigation.litigationDirect.total",
                    "reviewLitigation.litigationAfterReview.total"), List.of(), "行政诉讼", List.of(),
                    Pattern.compile("行政诉讼(?:案件)?" + COUNT)));
    private static final int RECEIVED_INDEX = FIGURES.indexOf(RECEIVED);

    private static final Pattern PART5_HEADING = Pattern.compile("五\\s{0,2}[、.．]\\s{0,3}(?:存在的?)?(?:主要)?问题"
            + "(?:及|和|与)?(?:改进|整改)?(?:情况|措施|举措|计划|方向)?");
    private static final Pattern PART6_HEADING = Pattern.compile("六\\s{0,2}[、.．]\\s{0,3}其他需要报告");

    private TextChecks() {
    }

    /**
     * The findings in a submission's texts (the validated {@code text} object). A submission without texts has
     * nothing to read: the texts are optional, so only a text object without part 五 is told it lacks one.
     */
    public static List<Finding> ofSubmission(JsonNode text, CellValues values) {
        Reader reader = new Reader(values, "/text");
        if (text == null || !text.isObject()) {
            return reader.findings();
        }
        for (String field : FIELDS) {
            String pointer = "/text/" + field;
            JsonNode node = text.get(field);
            String value = node != null && node.isTextual() ? node.textValue() : "";
            if (field.equals(PART5) && !hasContent(value, 0, value.length())) {
                reader.add(() -> Finding.warning(EMPTY_PART5, pointer, "a description of the main problems and how"
                        + " they are addressed", node == null ? null : excerpt(value, 0, 0),
                        "part 五 (存在的主要问题及改进情况) is " + (node == null ? "missing" : "empty")));
            }
            reader.read(value, pointer);
        }
        return reader.findings();
    }

    /**
     * The same findings in the whole text of a published report (an importer's page text): sentences point at
     * {@value #DOCUMENT}, and part 五 is what stands between its heading and part 六's.
     */
    public static List<Finding> ofDocument(String text, CellValues values) {
        Reader reader = new Reader(values, DOCUMENT);
        Matcher part5 = PART5_HEADING.matcher(text);
        if (!part5.find()) {
            reader.add(() -> Finding.warning(EMPTY_PART5, DOCUMENT, "五、存在的主要问题及改进情况", null,
                    "the document has no part 五 (存在的主要问题及改进情况)"));
        } else {
            Matcher part6 = PART6_HEADING.matcher(text);
            int end = part6.find(part5.end()) ? part6.start() : text.length();
            if (!hasContent(text, part5.end(), end)) {
                String heading = part5.group();
                reader.add(() -> Finding.warning(EMPTY_PART5, DOCUMENT, "a description of the main problems and how"
                        + " they are addressed", heading, "part 五 (存在的主要问题及改进情况) is empty"));
            }
        }
        reader.read(text, DOCUMENT);
        return reader.findings();
    }

    /** Line breaks end a sentence too: a heading or a table row is never read together with the prose after it. */
    private static boolean endsSentence(char c) {
        return switch (c) {
            case '。', '；', ';', '！', '？', '!', '?', '\n', '\r' -> true;
            default -> false;
        };
    }

    /**
     * Whether a clause has a count at all: a digit or Chinese numeral before 件 or 起. Most clauses have none,
     * and this look is far cheaper than the figure patterns.
     */
    private static boolean hasCount(String clause) {
        for (int i = 1; i < clause.length(); i++) {
            char c = clause.charAt(i);
            if (c == '件' || c == '起') {
                int before = Character.isWhitespace(clause.charAt(i - 1)) ? i - 2 : i - 1;
                if (before >= 0 && isNumeral(clause.charAt(before))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isNumeral(char c) {
        return Character.digit(c, 10) >= 0 || chineseDigit(c) >= 0 || c == '十';
    }

    /**
     * The first match of a pattern that starts at one of the given characters, tried only there (and, where
     * {@code runOnce}, only where a run of the same character starts): java.util.regex would otherwise try every
     * position of a long text.
     */
    private static Matcher firstMatch(Pattern pattern, String text, String starts, boolean runOnce) {
        Matcher matcher = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (starts.indexOf(c) < 0 || runOnce && i > 0 && text.charAt(i - 1) == c) {
                continue;
            }
            if (matcher == null) {
                matcher = pattern.matcher(text).useTransparentBounds(true);
            }
            matcher.region(i, text.length());
            if (matcher.lookingAt()) {
                return matcher;
            }
        }
        return null;
    }

    private static boolean maySayNoneReceived(String sentence) {
        return sentence.contains("申请") && (sentence.indexOf('未') >= 0 || sentence.contains("没有")
                || sentence.indexOf('无') >= 0 || sentence.contains("依申请公开"));
    }

    /**
     * Whether a sentence states a count other than zero (共收到申请5件 next to 未收到通过信函提交的申请): such a
     * sentence says which applications did not come, not that none did.
     */
    private static boolean statesACount(String sentence) {
        for (int i = sentence.indexOf('件'); i >= 0; i = sentence.indexOf('件', i + 1)) {
            int j = i > 0 && Character.isWhitespace(sentence.charAt(i - 1)) ? i - 2 : i - 1;
            if (j < 0) {
                continue;
            }
            if ("一二两三四五六七八九十".indexOf(sentence.charAt(j)) >= 0) {
                return true;
            }
            boolean nonZero = false;
            for (; j >= 0 && Character.digit(sentence.charAt(j), 10) >= 0; j--) {
                nonZero |= Character.digit(sentence.charAt(j), 10) > 0;
            }
            if (nonZero && (j < 0 || sentence.charAt(j) != '.')) {
                return true;
            }
        }
        return false;
    }

    /** Arabic digits (half or full width), or a simple Chinese numeral up to 九十九; null for anything else. */
    static BigDecimal number(String token) {
        if (Character.digit(token.charAt(0), 10) >= 0) {
            long value = 0;
            for (int i = 0; i < token.length(); i++) {
                value = value * 10 + Character.digit(token.charAt(i), 10);
            }
            return BigDecimal.valueOf(value);
        }
        int ten = token.indexOf('十');
        if (ten < 0) {
            int digit = token.length() == 1 ? chineseDigit(token.charAt(0)) : -1;
            return digit < 0 ? null : BigDecimal.valueOf(digit);
        }
        String tensPart = token.substring(0, ten);
        String onesPart = token.substring(ten + 1);
        int tens = tensPart.isEmpty() ? 1 : tensPart.length() == 1 ? chineseDigit(tensPart.charAt(0)) : -1;
        int ones = onesPart.isEmpty() ? 0 : onesPart.length() == 1 ? chineseDigit(onesPart.charAt(0)) : -1;
        return tens < 1 || ones < 0 ? null : BigDecimal.valueOf(tens * 10L + ones);
    }

    private static int chineseDigit(char c) {
        int digit = "零一二三四五六七八九".indexOf(c);
        return digit >= 0 ? digit : c == '〇' ? 0 : c == '两' ? 2 : -1;
    }

    private static boolean hasContent(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The sentence, or when it is longer than {@value #EXCERPT} characters the part of it around what was found. */
    static String excerpt(String sentence, int from, int to) {
        if (sentence.length() <= EXCERPT) {
            return sentence;
        }
        int start = Math.max(0, Math.min(from - (EXCERPT - Math.min(to - from, EXCERPT)) / 2,
                sentence.length() - EXCERPT));
        int end = start + EXCERPT;
        if (Character.isLowSurrogate(sentence.charAt(start))) {
            start++;
        }
        if (end < sentence.length() && Character.isLowSurrogate(sentence.charAt(end))) {
            end--;
        }
        return (start > 0 ? "…" : "") + sentence.substring(start, end) + (end < sentence.length() ? "…" : "");
    }

    /**
     * A figure a text may state and the table cells that hold it.
     *
     * @param cells       the cells whose sum the figure is
     * @param mayInclude  cells a text may count in too: a number equal to the sum with them is no contradiction
     * @param keyword     a word every statement of the figure has, looked for before any pattern is run
     * @param unless      words of a sentence that states the figure some other way (with what was carried over)
     * @param patterns    how a clause states it; group 1 is the number
     */
    private record Figure(List<String> cells, List<String> mayInclude, String keyword, List<String> unless,
            List<Pattern> patterns) {

        Figure(List<String> cells, List<String> mayInclude, String keyword, List<String> unless,
                Pattern... patterns) {
            this(cells, mayInclude, keyword, unless, List.of(patterns));
        }

        boolean statedOtherwise(String sentence) {
            return unless.stream().anyMatch(sentence::contains);
        }

        Optional<Matcher> find(String clause) {
            for (Pattern pattern : patterns) {
                Matcher matcher = pattern.matcher(clause);
                if (matcher.find()) {
                    return Optional.of(matcher);
                }
            }
            return Optional.empty();
        }

        /** The sum of the cells, or null when the form has no such cell or the report leaves one blank. */
        BigDecimal tableValue(CellValues values) {
            return sum(cells, values);
        }

        /** The sum of the cells and those a text may count in too, or null when any is blank. */
        BigDecimal inclusiveValue(CellValues values) {
            BigDecimal value = sum(cells, values);
            BigDecimal included = sum(mayInclude, values);
            return value == null || included == null ? null : value.add(included);
        }

        private static BigDecimal sum(List<String> keys, CellValues values) {
            BigDecimal sum = BigDecimal.ZERO;
            for (String key : keys) {
                Optional<Cell> cell = values.form().cell(key);
                BigDecimal value = cell.map(values::get).orElse(null);
                if (value == null) {
                    return null;
                }
                sum = sum.add(value);
            }
            return sum;
        }

        Finding contradiction(String textPointer, String sentence, BigDecimal table, CellValues values, String says) {
            List<String> pointers = new ArrayList<>(List.of(textPointer));
            List<String> labels = new ArrayList<>();
            for (String key : cells) {
                Cell cell = values.form().requireCell(key);
                pointers.add(cell.pointer());
                labels.add(cell.label());
            }
            return new Finding(CONTRADICTS_TABLE, Severity.WARNING, pointers,
                    table.toPlainString(), sentence, says + "; the table has " + table.toPlainString() + ": "
                    + String.join(" + ", labels));
        }
    }

    /**
     * One reading of a report's texts: the table's figures looked up once, and the findings, of which the first
     * {@value #MAX_WARNINGS} are listed; on finding one more the reading stops and says so.
     */
    private static final class Reader {
        private final CellValues values;
        private final String pointer;
        /** The table's value of each of {@link #FIGURES}, null where a cell is blank. */
        private final BigDecimal[] table = new BigDecimal[FIGURES.size()];
        private final BigDecimal[] inclusive = new BigDecimal[FIGURES.size()];
        private final List<Finding> listed = new ArrayList<>();
        private boolean more;

        Reader(CellValues values, String pointer) {
            this.values = values;
            this.pointer = pointer;
            for (int f = 0; f < FIGURES.size(); f++) {
                table[f] = FIGURES.get(f).tableValue(values);
                inclusive[f] = FIGURES.get(f).inclusiveValue(values);
            }
        }

        void read(String text, String textPointer) {
            int start = 0;
            for (int i = 0; i <= text.length() && !more; i++) {
                if (i == text.length() || endsSentence(text.charAt(i))) {
                    if (hasContent(text, start, i)) {
                        sentence(text.substring(start, i).strip(), textPointer);
                    }
                    start = i + 1;
                }
            }
        }

        private void sentence(String sentence, String textPointer) {
            Matcher placeholder = firstMatch(PLACEHOLDERS, sentence, PLACEHOLDER_MARKS, true);
            if (placeholder != null) {
                int from = placeholder.start();
                int to = placeholder.end();
                String found = to - from <= 8 ? placeholder.group() : sentence.substring(from, from + 8) + "…";
                add(() -> Finding.warning(PLACEHOLDER, textPointer, "a figure or a name",
                        excerpt(sentence, from, to), "a fill-in placeholder 「" + found + "」 was left in the text"));
            }
            boolean[] reported = new boolean[FIGURES.size()];
            BigDecimal received = table[RECEIVED_INDEX];
            if (received != null && received.signum() > 0 && maySayNoneReceived(sentence)) {
                Matcher none = firstMatch(NO_APPLICATIONS, sentence, NONE_RECEIVED_STARTS, false);
                if (none != null && !statesACount(sentence)) {
                    reported[RECEIVED_INDEX] = true;
                    int from = none.start();
                    int to = none.end();
                    add(() -> RECEIVED.contradiction(textPointer, excerpt(sentence, from, to), received, values,
                            "the text says no applications were received"));
                }
            }
            int start = 0;
            for (int i = 0; i <= sentence.length(); i++) {
                if (i == sentence.length() || sentence.charAt(i) == '，' || sentence.charAt(i) == ',') {
                    if (i > start) {
                        clause(sentence, start, Math.min(i, start + MAX_CLAUSE), textPointer, reported);
                    }
                    start = i + 1;
                }
            }
        }

        private void clause(String sentence, int start, int end, String textPointer, boolean[] reported) {
            String clause = sentence.substring(start, end);
            if (!hasCount(clause)) {
                return;
            }
            for (int f = 0; f < FIGURES.size(); f++) {
                Figure figure = FIGURES.get(f);
                BigDecimal value = table[f];
                if (value == null || reported[f] || !clause.contains(figure.keyword())) {
                    continue;
                }
                Optional<Matcher> stated = figure.find(clause);
                if (stated.isEmpty()) {
                    continue;
                }
                Matcher match = stated.get();
                BigDecimal number = number(match.group(1));
                if (number != null && number.compareTo(value) != 0
                        && (inclusive[f] == null || number.compareTo(inclusive[f]) != 0)
                        && !figure.statedOtherwise(sentence)) {
                    reported[f] = true;
                    int from = start + match.start();
                    int to = start + match.end();
                    add(() -> figure.contradiction(textPointer, excerpt(sentence, from, to), value, values,
                            "the text says " + number.toPlainString()));
                }
            }
        }

        /** Builds a finding only while there is room to list it. */
        void add(Supplier<Finding> finding) {
            if (listed.size() < MAX_WARNINGS) {
                listed.add(finding.get());
            } else {
                more = true;
            }
        }

        List<Finding> findings() {
            if (!more) {
                return List.copyOf(listed);
            }
            List<Finding> all = new ArrayList<>(listed);
            all.add(Finding.warning(LIMIT, pointer, "at most " + MAX_WARNINGS + " text warnings", null,
                    "the texts have more than " + MAX_WARNINGS + " warnings; the first " + MAX_WARNINGS
                            + " are listed"));
            return List.copyOf(all);
        }
    }
}
