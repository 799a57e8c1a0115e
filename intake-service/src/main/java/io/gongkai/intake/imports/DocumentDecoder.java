package io.gongkai.intake.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the body of an import request into text, or refuses it. Chinese government sites serve GBK as often as
 * UTF-8 and do not always say which, so the charset is taken from the strongest evidence available (a byte order
 * mark, the Content-Type, the page's own declaration) and only sniffed when nothing declares one. Decoding is
 * strict: a wrongly declared charset is refused with the offset of the first bad byte rather than read as mojibake
 * whose numbers would then be imported.
 */
public final class DocumentDecoder {

    /** The largest body read; the HTTP layer refuses larger ones first. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /** How far into an HTML page its charset declaration is looked for (browsers look at the first 1 KB). */
    private static final int DECLARATION_WINDOW = 4096;

    /** Share of C0 control characters above which a body is taken for a binary file rather than text. */
    private static final double MAX_CONTROL_SHARE = 0.01;

    private static final Charset GB18030 = Charset.forName("GB18030");

    private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");
    private static final String TEXT_TYPE = "text/plain";

    /** Names of GB2312 and GBK, which GB18030 extends: reading them as GB18030 loses nothing. */
    private static final Set<String> GB_FAMILY = Set.of("gbk", "x-gbk", "cp936", "ms936", "windows-936",
            "x-mswin-936", "gb2312", "gb_2312", "gb_2312-80", "gb2312-80", "gb2312-1980", "csgb2312", "euc-cn",
            "x-euc-cn", "chinese", "iso-ir-58");

    private static final Pattern HTML_START = Pattern.compile("\\A[\\s\\uFEFF]*<(?:!doctype\\s+html|html)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING = Pattern.compile(
            "\\A\\s*<\\?xml\\b[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private DocumentDecoder() {
    }

    /**
     * The body as text.
     *
     * @param body        the request body as received
     * @param contentType the request's Content-Type header value, or null when it had none (then read as text/plain)
     * @throws UnreadableDocumentException 413 when too large, 415 for another media type or an unknown charset,
     *                                     400 when empty, binary or not decodable in its charset
     */
    public static SourceDocument decode(byte[] body, String contentType) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (bytes.length > MAX_BYTES) {
            throw new UnreadableDocumentException(413, "document-too-large",
                    "the document has " + bytes.length + " bytes; at most " + MAX_BYTES + " are read");
        }
        ContentType type = ContentType.parse(contentType);
        boolean declaredHtml = declaresHtml(type);
        ByteOrderMark bom = ByteOrderMark.of(bytes);
        int start = bom == null ? 0 : bom.length;
        if (bytes.length == start) {
            throw notAReport("the document is empty");
        }
        BinaryFormat.of(bytes).ifPresent(format -> {
            throw notAReport("the document is " + format.description());
        });

        Evidence evidence = bom != null ? new Evidence(bom.charset, "from its byte order mark")
                : declaredCharset(bytes, type, declaredHtml);
        Decoded decoded = evidence == null ? sniff(bytes) : decodeDeclared(bytes, start, evidence);
        String text = decoded.text.startsWith("\uFEFF") ? decoded.text.substring(1) : decoded.text;
        if (isBlank(text)) {
            throw notAReport("the document holds only white space");
        }
        boolean html = declaredHtml || HTML_START.matcher(text).lookingAt();
        return new SourceDocument(text, html ? SourceDocument.Kind.HTML : SourceDocument.Kind.TEXT, decoded.charset);
    }

    private static boolean declaresHtml(ContentType type) {
        if (type.mediaType() == null || type.mediaType().equals(TEXT_TYPE)) {
            return false;
        }
        if (HTML_TYPES.contains(type.mediaType())) {
            return true;
        }
        throw new UnreadableDocumentException(415, "unsupported-media-type", type.mediaType()
                + " is not read: send the report as text/plain or text/html (export a PDF or Word file as either)");
    }

    /** The charset the request or the page declares, or null when neither does. */
    private static Evidence declaredCharset(byte[] bytes, ContentType type, boolean declaredHtml) {
        if (type.charset() != null) {
            return new Evidence(charsetNamed(type.charset()), "from the Content-Type");
        }
        String head = new String(bytes, 0, Math.min(bytes.length, DECLARATION_WINDOW), StandardCharsets.ISO_8859_1);
        if (!declaredHtml && !HTML_START.matcher(head).lookingAt()) {
            return null;
        }
        Matcher xml = XML_ENCODING.matcher(head);
        if (xml.lookingAt()) {
            return inPage(xml.group(1), "from the page's XML declaration");
        }
        Matcher meta = META_CHARSET.matcher(head);
        return meta.find() ? inPage(meta.group(1), "from the page's <meta> tag") : null;
    }

    /**
     * A charset the page declares in its own text. The declaration was just read as ASCII, so a page declaring
     * UTF-16 cannot be UTF-16; like browsers, such a page is read as UTF-8.
     */
    private static Evidence inPage(String name, String source) {
        Charset charset = charsetNamed(name);
        return new Evidence(isAsciiCompatible(charset) ? charset : StandardCharsets.UTF_8, source);
    }

    /** A declared charset by its name; the GB2312 and GBK family is read as GB18030, their common superset. */
    private static Charset charsetNamed(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (GB_FAMILY.contains(key)) {
            return GB18030;
        }
        try {
            Charset charset = Charset.forName(key);
            return GB_FAMILY.contains(charset.name().toLowerCase(Locale.ROOT)) ? GB18030 : charset;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnreadableDocumentException(415, "unsupported-media-type",
                    "unknown charset '" + name + "': send the report as UTF-8 or GB18030 (GBK)");
        }
    }

    /**
     * Control characters are counted before decoding where the charset keeps ASCII's bytes, so that a binary file
     * is refused as binary rather than as undecodable; in UTF-16 they can only be counted once decoded.
     */
    private static Decoded decodeDeclared(byte[] bytes, int start, Evidence evidence) {
        boolean asciiCompatible = isAsciiCompatible(evidence.charset);
        if (asciiCompatible) {
            rejectControlCharacters(new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1));
        }
        String text;
        try {
            text = decodeStrictly(bytes, start, evidence.charset);
        } catch (UndecodableAt e) {
            throw new UnreadableDocumentException(400, "undecodable-document", "the document is not valid "
                    + evidence.charset.name() + " at byte " + e.offset + " (charset " + evidence.source + ")");
        }
        if (!asciiCompatible) {
            rejectControlCharacters(text);
        }
        return new Decoded(text, evidence.charset.name());
    }

    /** No charset declared: UTF-8 if every byte says so, otherwise GB18030, the Chinese sites' other charset. */
    private static Decoded sniff(byte[] bytes) {
        rejectControlCharacters(new String(bytes, StandardCharsets.ISO_8859_1));
        try {
            return new Decoded(decodeStrictly(bytes, 0, StandardCharsets.UTF_8), StandardCharsets.UTF_8.name());
        } catch (UndecodableAt notUtf8) {
            try {
                return new Decoded(decodeStrictly(bytes, 0, GB18030), GB18030.name());
            } catch (UndecodableAt notGb) {
                throw new UnreadableDocumentException(400, "undecodable-document", "no charset was declared and the"
                        + " document is neither UTF-8 (invalid at byte " + notUtf8.offset + ") nor GB18030 (invalid"
                        + " at byte " + notGb.offset + "); send the charset in the Content-Type");
            }
        }
    }

    private static String decodeStrictly(byte[] bytes, int start, Charset charset) throws UndecodableAt {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            // The decoder stops with the input's position at the first byte it could not decode.
            throw new UndecodableAt(in.position());
        }
    }

    /** Whether control characters can be counted on the raw bytes: true where ASCII keeps its one-byte codes. */
    private static boolean isAsciiCompatible(Charset charset) {
        String probe = "\t\n\r <a0>";
        return charset.canEncode()
                && Arrays.equals(probe.getBytes(charset), probe.getBytes(StandardCharsets.US_ASCII));
    }

    private static void rejectControlCharacters(String text) {
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw notAReport("the document is a binary file (it holds NUL bytes), not text");
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                controls++;
            }
        }
        if (controls > text.length() * MAX_CONTROL_SHARE) {
            throw notAReport("the document is a binary file (" + controls + " control characters), not text");
        }
    }

    private static boolean isBlank(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c == '\uFEFF' || (c >= '\u200B' && c <= '\u200D'));
    }

    private static UnreadableDocumentException notAReport(String message) {
        return new UnreadableDocumentException(400, "not-a-report", message);
    }

    /** A charset and what declared it, for the message when the bytes do not match it. */
    private record Evidence(Charset charset, String source) {
    }

    private record Decoded(String text, String charset) {
    }

    private static final class UndecodableAt extends Exception {
        private final int offset;

        UndecodableAt(int offset) {
            super(null, null, false, false);
            this.offset = offset;
        }
    }

    private enum ByteOrderMark {
        UTF_8(StandardCharsets.UTF_8, 0xEF, 0xBB, 0xBF),
        UTF_16BE(StandardCharsets.UTF_16BE, 0xFE, 0xFF),
        UTF_16LE(StandardCharsets.UTF_16LE, 0xFF, 0xFE);

        private final Charset charset;
        private final int[] marks;
        private final int length;

        ByteOrderMark(Charset charset, int... marks) {
            this.charset = charset;
            this.marks = marks;
            this.length = marks.length;
        }

        static ByteOrderMark of(byte[] bytes) {
            for (ByteOrderMark bom : values()) {
                if (bom.begins(bytes)) {
                    return bom;
                }
            }
            return null;
        }

        private boolean begins(byte[] bytes) {
            if (bytes.length < length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if ((bytes[i] & 0xFF) != marks[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
