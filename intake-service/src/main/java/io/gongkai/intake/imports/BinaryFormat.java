package io.gongkai.intake.imports;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * File formats that are sent instead of a report's text often enough to be named in the refusal: the office and
 * PDF files a report was written in, and the images of its tables.
 */
enum BinaryFormat {
    PDF("%PDF".getBytes(StandardCharsets.US_ASCII), "a PDF file; export it as text or HTML"),
    ZIP(new byte[] {'P', 'K', 3, 4}, "a ZIP archive (a .docx or .xlsx file is one); export it as text or HTML"),
    OLE(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0},
            "a Word or Excel (.doc or .xls) file; export it as text or HTML"),
    PNG(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "a PNG image, not a report's text"),
    JPEG(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "a JPEG image, not a report's text"),
    GIF("GIF8".getBytes(StandardCharsets.US_ASCII), "a GIF image, not a report's text");

    private final byte[] magic;
    private final String description;

    BinaryFormat(byte[] magic, String description) {
        this.magic = magic;
        this.description = description;
    }

    /** What the body is, from its first bytes. */
    static Optional<BinaryFormat> of(byte[] body) {
        return Arrays.stream(values())
                .filter(f -> body.length >= f.magic.length
                        && Arrays.equals(body, 0, f.magic.length, f.magic, 0, f.magic.length))
                .findFirst();
    }

    String description() {
        return description;
    }
}
