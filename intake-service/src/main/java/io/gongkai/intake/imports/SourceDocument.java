package io.gongkai.intake.imports;

/**
 * A published report's body decoded to text.
 *
 * @param text    the decoded characters, as published (markup included for HTML)
 * @param kind    how the text is to be read
 * @param charset the character set it was decoded with (e.g. UTF-8, GB18030)
 */
public record SourceDocument(String text, Kind kind, String charset) {

    public enum Kind {
        TEXT, HTML
    }
}
