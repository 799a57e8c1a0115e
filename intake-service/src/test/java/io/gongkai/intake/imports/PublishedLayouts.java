package io.gongkai.intake.imports;

import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.testing.ValidReports;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * A report rendered as it is published, in the layouts an importer meets: the same document as tab-separated
 * text, as a Word-exported HTML page, and as the text a crawler keeps of such a page (cells run together, or
 * half-spaced). Deterministic: a layout and a seed always give the same bytes.
 */
final class PublishedLayouts {

    static final int YEAR = 2023;
    /** The year of the 2019 form's reports rendered, its second and last. */
    static final int YEAR_2019 = 2020;
    static final Charset GB18030 = Charset.forName("GB18030");

    enum Layout {
        /** Cells separated by tabs, one table row a line (the 三营镇 sample). */
        TABS(true),
        /** A Word-exported HTML page, rowspan/colspan headers, in UTF-8 or GBK. */
        HTML(true),
        /** A crawler's copy: a short header, then the whole page on one line, each row's figures run together. */
        FLATTENED(false),
        /** The crawler's copy with spaces put between some figures' digits and taken from between others. */
        HALF_SPACED(false);

        private final boolean cellsApart;

        Layout(boolean cellsApart) {
            this.cellsApart = cellsApart;
        }

        /** Whether every cell stands apart, so that everything printed can be read back. */
        boolean cellsApart() {
            return cellsApart;
        }
    }

    /** What is sent to the importer, and the text it was made from (to show when a reading goes wrong). */
    record Rendered(Layout layout, long seed, PrintedReport report, byte[] body, String contentType, String text) {

        /** The start of the document's text (of an HTML page, from its body on), for a failure message. */
        String head(int characters) {
            String shown = layout == Layout.HTML ? text.substring(Math.max(0, text.indexOf("<body"))) : text;
            return shown.length() <= characters ? shown : shown.substring(0, characters) + "…";
        }
    }

    /** A body and the content type to send it with. */
    record Body(byte[] bytes, String contentType, String text) {
    }

    private PublishedLayouts() {
    }

    /** A random valid report of {@link #YEAR}, rendered in a layout; the same seed gives the same document. */
    static Rendered render(Layout layout, long seed) {
        return render(ValidReports.FORM, YEAR, layout, seed);
    }

    /** A random valid report in a form, of a year, rendered in a layout; the same seed gives the same document. */
    static Rendered render(FormDefinition form, int year, Layout layout, long seed) {
        Random random = new Random(seed);
        PrintedReport report = PrintedReport.random(form, random, year, layout.cellsApart());
        Body body = render(layout, report, random);
        return new Rendered(layout, seed, report, body.bytes(), body.contentType(), body.text());
    }

    static Body render(Layout layout, PrintedReport report, Random random) {
        PrintedDocument document = PrintedDocument.of(report, random);
        return switch (layout) {
            case TABS -> text(TabsLayout.render(document, random), random);
            case HTML -> HtmlLayout.render(document, random);
            case FLATTENED -> text(FlatLayout.render(report, document, random, false), random);
            case HALF_SPACED -> text(FlatLayout.render(report, document, random, true), random);
        };
    }

    /**
     * Plain text as sites serve it: mostly UTF-8 with its charset named, sometimes unnamed, with a byte-order mark,
     * or in GB18030 with or without saying so.
     */
    static Body text(String text, Random random) {
        int choice = random.nextInt(20);
        if (choice < 11) {
            return new Body(encode(text, StandardCharsets.UTF_8), "text/plain; charset=UTF-8", text);
        } else if (choice < 14) {
            return new Body(encode(text, StandardCharsets.UTF_8), "text/plain", text);
        } else if (choice < 16) {
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            byte[] utf8 = encode(text, StandardCharsets.UTF_8);
            byte[] body = Arrays.copyOf(bom, bom.length + utf8.length);
            System.arraycopy(utf8, 0, body, bom.length, utf8.length);
            return new Body(body, "text/plain", text);
        } else if (choice < 18) {
            return new Body(encode(text, GB18030), "text/plain; charset=GB18030", text);
        }
        return new Body(encode(text, GB18030), "text/plain", text);
    }

    /** The text in a charset, refusing (rather than replacing with '?') any character the charset lacks. */
    static byte[] encode(String text, Charset charset) {
        try {
            ByteBuffer bytes = charset.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            return Arrays.copyOf(bytes.array(), bytes.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("the document has a character " + charset + " lacks", e);
        }
    }
}
