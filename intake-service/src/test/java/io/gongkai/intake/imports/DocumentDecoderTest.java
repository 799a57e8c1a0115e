package io.gongkai.intake.imports;

import io.gongkai.intake.imports.SourceDocument.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a request body becomes a report's text: which charset, which kind, and which bodies are refused. */
class DocumentDecoderTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String REPORT = "原州区三营镇2023年政府信息公开工作年度报告\r\n（一）予以公开\t0\t0\n";
    private static final String PAGE = "<!DOCTYPE html>\n<html><head><title>原州区三营镇年度报告</title></head>"
            + "<body><p>（一）予以公开</p></body></html>";

    @Test
    void aUtf8TextIsReturnedExactlyAsSent() {
        SourceDocument document = DocumentDecoder.decode(utf8(REPORT), "text/plain; charset=UTF-8");

        assertThat(document.text()).isEqualTo(REPORT);
        assertThat(document.kind()).isEqualTo(Kind.TEXT);
        assertThat(document.charset()).isEqualTo("UTF-8");
    }

    @Test
    void theContentTypesCharsetDecidesAndGbkIsReadAsGb18030() {
        SourceDocument document = DocumentDecoder.decode(PAGE.getBytes(GBK), "text/html; charset=GBK");

        assertThat(document.text()).isEqualTo(PAGE);
        assertThat(document.kind()).isEqualTo(Kind.HTML);
        assertThat(document.charset()).isEqualTo("GB18030");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gbk", "GB2312", "gb_2312-80", "x-gbk", "\"gb2312\"", "CP936", "EUC-CN", "GB18030"})
    void everyNameOfTheGbFamilyIsReadAsGb18030(String name) {
        SourceDocument document = DocumentDecoder.decode(REPORT.getBytes(GBK), "text/plain;Charset=" + name);

        assertThat(document.text()).isEqualTo(REPORT);
        assertThat(document.charset()).isEqualTo("GB18030");
    }

    @Test
    void gb18030CharactersBeyondGbkAreRead() {
        String rare = "𠀀镇2023年报告";

        SourceDocument document = DocumentDecoder.decode(rare.getBytes(Charset.forName("GB18030")),
                "text/plain; charset=gbk");

        assertThat(document.text()).isEqualTo(rare);
    }

    @Test
    void withoutADeclarationValidUtf8IsUtf8() {
        SourceDocument document = DocumentDecoder.decode(utf8(REPORT), null);

        assertThat(document.text()).isEqualTo(REPORT);
        assertThat(document.charset()).isEqualTo("UTF-8");
        assertThat(document.kind()).isEqualTo(Kind.TEXT);
    }

    @Test
    void withoutADeclarationOtherBytesAreGb18030() {
        SourceDocument document = DocumentDecoder.decode(REPORT.getBytes(GBK), "text/plain");

        assertThat(document.text()).isEqualTo(REPORT);
        assertThat(document.charset()).isEqualTo("GB18030");
    }

    @Test
    void aUtf8ByteOrderMarkOutranksTheContentTypeAndIsRemoved() {
        SourceDocument document = DocumentDecoder.decode(concat(bytes(0xEF, 0xBB, 0xBF), utf8(REPORT)),
                "text/plain; charset=GBK");

        assertThat(document.text()).isEqualTo(REPORT);
        assertThat(document.charset()).isEqualTo("UTF-8");
    }

    @Test
    void utf16WithAByteOrderMarkIsReadInEitherByteOrder() {
        SourceDocument little = DocumentDecoder.decode(concat(bytes(0xFF, 0xFE),
                PAGE.getBytes(StandardCharsets.UTF_16LE)), "text/plain");
        SourceDocument big = DocumentDecoder.decode(concat(bytes(0xFE, 0xFF),
                REPORT.getBytes(StandardCharsets.UTF_16BE)), "text/plain");

        assertThat(little.text()).isEqualTo(PAGE);
        assertThat(little.charset()).isEqualTo("UTF-16LE");
        assertThat(little.kind()).as("a page sent as text/plain is read as a page").isEqualTo(Kind.HTML);
        assertThat(big.text()).isEqualTo(REPORT);
        assertThat(big.charset()).isEqualTo("UTF-16BE");
        assertThat(big.kind()).isEqualTo(Kind.TEXT);
    }

    @Test
    void aPageDeclaresItsCharsetInAMetaTag() {
        String page = "<html><head><meta charset=\"gb2312\"><title>报告</title></head><body>三营镇</body></html>";

        SourceDocument document = DocumentDecoder.decode(page.getBytes(GBK), "text/html");

        assertThat(document.text()).isEqualTo(page);
        assertThat(document.charset()).isEqualTo("GB18030");
    }

    @Test
    void aPageDeclaresItsCharsetInAnHttpEquivMetaTag() {
        String page = "<HTML><HEAD><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1252\">"
                + "</HEAD><BODY>caf\u00e9 2023</BODY></HTML>";

        SourceDocument document = DocumentDecoder.decode(page.getBytes(Charset.forName("windows-1252")), null);

        assertThat(document.text()).isEqualTo(page);
        assertThat(document.charset()).isEqualTo("windows-1252");
        assertThat(document.kind()).isEqualTo(Kind.HTML);
    }

    @Test
    void anXhtmlPageDeclaresItsCharsetInItsXmlDeclaration() {
        String page = "<?xml version=\"1.0\" encoding=\"GBK\"?><html><body>三营镇</body></html>";

        SourceDocument document = DocumentDecoder.decode(page.getBytes(GBK), "application/xhtml+xml");

        assertThat(document.text()).isEqualTo(page);
        assertThat(document.charset()).isEqualTo("GB18030");
        assertThat(document.kind()).isEqualTo(Kind.HTML);
    }

    @Test
    void theContentTypeOutranksThePagesOwnDeclaration() {
        String page = "<html><head><meta charset=\"gbk\"></head><body>三营镇</body></html>";

        SourceDocument document = DocumentDecoder.decode(utf8(page), "text/html; charset=utf-8");

        assertThat(document.text()).isEqualTo(page);
        assertThat(document.charset()).isEqualTo("UTF-8");
    }

    @Test
    void aDeclarationAfterTheFirstFourKilobytesIsNotLookedFor() {
        String page = "<html><head><!-- " + "x".repeat(5000) + " --><meta charset=\"iso-8859-1\"></head>"
                + "<body>三营镇</body></html>";

        SourceDocument document = DocumentDecoder.decode(utf8(page), "text/html");

        assertThat(document.charset()).as("sniffed, not declared").isEqualTo("UTF-8");
        assertThat(document.text()).isEqualTo(page);
    }

    @Test
    void aPageDeclaringUtf16InItsAsciiTextIsReadAsUtf8() {
        String page = "<html><head><meta charset=\"utf-16\"></head><body>三营镇</body></html>";

        SourceDocument document = DocumentDecoder.decode(utf8(page), "text/html");

        assertThat(document.text()).isEqualTo(page);
        assertThat(document.charset()).isEqualTo("UTF-8");
    }

    @Test
    void aTextBodyThatIsAPageIsReadAsAPage() {
        assertThat(DocumentDecoder.decode(utf8(" \n\t<!doctype HTML><html></html>x"), "text/plain").kind())
                .isEqualTo(Kind.HTML);
        assertThat(DocumentDecoder.decode(utf8("\uFEFF<HTML lang=zh><body>x</body></HTML>"), "text/plain").kind())
                .isEqualTo(Kind.HTML);
        assertThat(DocumentDecoder.decode(utf8("<p>三营镇</p>"), "text/plain").kind())
                .as("a fragment of markup is not a page").isEqualTo(Kind.TEXT);
        assertThat(DocumentDecoder.decode(utf8("报告 <html>"), "text/plain").kind()).isEqualTo(Kind.TEXT);
    }

    @Test
    void htmlAndXhtmlAreReadAsPagesWhateverTheyStartWith() {
        assertThat(DocumentDecoder.decode(utf8("<p>三营镇</p>"), "text/html").kind()).isEqualTo(Kind.HTML);
        assertThat(DocumentDecoder.decode(utf8("<p>三营镇</p>"), "application/xhtml+xml; charset=utf-8").kind())
                .isEqualTo(Kind.HTML);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/pdf", "application/octet-stream", "text/csv", "application/json",
            "multipart/form-data; boundary=x", "html"})
    void otherMediaTypesAreRefused(String contentType) {
        assertRefused(utf8(REPORT), contentType, 415, "unsupported-media-type", "text/plain or text/html");
    }

    @Test
    void anUnknownCharsetIsRefused() {
        assertRefused(utf8(REPORT), "text/plain; charset=klingon-8", 415, "unsupported-media-type", "klingon-8");
        assertRefused(utf8(PAGE.replace("<head>", "<head><meta charset=\"x-nonsense\">")), "text/html", 415,
                "unsupported-media-type", "x-nonsense");
    }

    @Test
    void bytesThatAreNotTheDeclaredCharsetAreRefusedWithTheirOffset() {
        byte[] gbkAfterAscii = concat(utf8("2023 "), "三营镇".getBytes(GBK));

        assertRefused(gbkAfterAscii, "text/plain; charset=utf-8", 400, "undecodable-document", "UTF-8", "byte 5");
    }

    @Test
    void bytesThatAreNotGb18030AreRefusedWithTheirOffset() {
        byte[] broken = concat("三营镇".getBytes(GBK), bytes(0xFF, 0x41));

        assertRefused(broken, "text/plain; charset=GB2312", 400, "undecodable-document", "GB18030", "byte 6");
    }

    @Test
    void undeclaredBytesThatAreNeitherUtf8NorGb18030AreRefused() {
        byte[] broken = concat(utf8("三营镇 "), bytes(0x80));

        assertRefused(broken, null, 400, "undecodable-document", "UTF-8", "GB18030", "byte 10");
    }

    @Test
    void anEmptyBodyIsNoReport() {
        assertRefused(new byte[0], "text/plain", 400, "not-a-report", "empty");
        assertRefused(null, "text/plain", 400, "not-a-report", "empty");
        assertRefused(bytes(0xEF, 0xBB, 0xBF), "text/plain", 400, "not-a-report", "empty");
    }

    @Test
    void aBodyOfWhiteSpaceIsNoReport() {
        assertRefused(utf8(" \r\n\t\u3000\u00A0\u200B\n"), "text/plain", 400, "not-a-report", "white space");
        assertRefused(utf8("\n\n  \n"), "text/html", 400, "not-a-report", "white space");
    }

    @Test
    void officeFilesAreRefusedWithTheAdviceToExportThem() {
        assertRefused(concat(utf8("%PDF-1.7\n"), utf8(REPORT)), "text/plain", 400, "not-a-report", "PDF",
                "export it as text or HTML");
        assertRefused(concat(bytes('P', 'K', 3, 4, 20, 0), utf8("word/document.xml")), "text/html", 400,
                "not-a-report", ".docx", "export it as text or HTML");
        assertRefused(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), "text/plain", 400, "not-a-report",
                ".doc", "export it as text or HTML");
    }

    @Test
    void imagesAreRefusedByName() {
        assertRefused(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'), "text/plain", 400, "not-a-report", "PNG");
        assertRefused(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'), "text/plain", 400,
                "not-a-report", "JPEG");
        assertRefused(utf8("GIF89a..."), "text/plain", 400, "not-a-report", "GIF");
    }

    @Test
    void aBodyWithNulBytesIsBinary() {
        assertRefused(concat(utf8(REPORT), bytes(0), utf8(REPORT)), "text/plain; charset=utf-8", 400,
                "not-a-report", "binary");
        assertRefused(concat(utf8(REPORT), bytes(0)), null, 400, "not-a-report", "binary");
    }

    @Test
    void aBodyOfManyControlCharactersIsBinary() {
        byte[] text = utf8("x".repeat(1000));
        byte[] tooMany = text.clone();
        for (int i = 0; i < 11; i++) {
            tooMany[i * 90] = 0x07;
        }
        byte[] aFew = text.clone();
        for (int i = 0; i < 10; i++) {
            aFew[i * 90] = 0x1B;
        }

        assertRefused(tooMany, "text/plain", 400, "not-a-report", "binary", "11 control characters");
        assertThat(DocumentDecoder.decode(aFew, "text/plain").text()).hasSize(1000);
    }

    @Test
    void tabsLineEndsAndFormFeedsAreNoControlCharactersOfABinaryFile() {
        String pages = "第一页\t0\r\n\f第二页\t0\n".repeat(50);

        assertThat(DocumentDecoder.decode(utf8(pages), "text/plain").text()).isEqualTo(pages);
    }

    @Test
    void utf16IsNotTakenForBinaryForItsZeroBytes() {
        byte[] ascii = "Report 2023\t0\t0\n".getBytes(StandardCharsets.UTF_16LE);

        SourceDocument document = DocumentDecoder.decode(ascii, "text/plain; charset=UTF-16LE");

        assertThat(document.text()).isEqualTo("Report 2023\t0\t0\n");
        assertRefused("a\u0000b".getBytes(StandardCharsets.UTF_16LE), "text/plain; charset=UTF-16LE", 400,
                "not-a-report", "binary");
    }

    @Test
    void aBodyUpToTheBoundIsReadAndALargerOneRefused() {
        byte[] atTheBound = new byte[DocumentDecoder.MAX_BYTES];
        Arrays.fill(atTheBound, (byte) 'x');
        byte[] beyond = Arrays.copyOf(atTheBound, DocumentDecoder.MAX_BYTES + 1);
        beyond[DocumentDecoder.MAX_BYTES] = 'x';

        assertThat(DocumentDecoder.decode(atTheBound, "text/plain").text()).hasSize(DocumentDecoder.MAX_BYTES);
        assertRefused(beyond, "text/plain", 413, "document-too-large", String.valueOf(DocumentDecoder.MAX_BYTES));
        assertRefused(beyond, "application/pdf", 413, "document-too-large", "bytes");
    }

    private static void assertRefused(byte[] body, String contentType, int status, String problemType,
            String... saying) {
        assertThatThrownBy(() -> DocumentDecoder.decode(body, contentType))
                .isInstanceOfSatisfying(UnreadableDocumentException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.problemType()).isEqualTo(problemType);
                    assertThat(e.getMessage()).contains(saying);
                });
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
