package io.gongkai.intake.imports;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * One spelling for what reports print in many: full-width digits, letters, brackets and spaces become ASCII (NFKC,
 * so （一） reads (一) and １２３ reads 123), invisible characters go, a minus sign or hyphen before a digit is "-"
 * (−8, ‐8 read -8), and spaces are collapsed. Tabs stay: in a
 * text copy they separate table cells, and leading or trailing ones mark empty cells.
 */
final class LineNormalizer {

    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\uFEFF]");
    private static final Pattern WIDE_SPACE = Pattern.compile("[\\u00A0\\u3000]");
    private static final Pattern SPACES = Pattern.compile(" {2,}");
    /** Spaces beside a tab pad a cell; they are not part of it. */
    private static final Pattern CELL_PADDING = Pattern.compile(" *\\t *");
    /** The minus signs and hyphens reports print before a negative figure; NFKC keeps them apart from "-". */
    private static final Pattern MINUS = Pattern.compile("[\\u2010-\\u2013\\u2212](?=\\d)");
    private static final Pattern EDGE_SPACES = Pattern.compile("^ +| +$");

    private LineNormalizer() {
    }

    static String normalize(String line) {
        String text = INVISIBLE.matcher(line).replaceAll("");
        text = Normalizer.normalize(text, Normalizer.Form.NFKC);
        text = MINUS.matcher(text).replaceAll("-");
        text = WIDE_SPACE.matcher(text).replaceAll(" ");
        text = SPACES.matcher(text).replaceAll(" ");
        text = CELL_PADDING.matcher(text).replaceAll("\t");
        return EDGE_SPACES.matcher(text).replaceAll("");
    }

    /** Whether a normalized line says nothing: empty, or only the tabs between empty cells. */
    static boolean isEmpty(String normalized) {
        return normalized.chars().allMatch(c -> c == '\t');
    }
}
