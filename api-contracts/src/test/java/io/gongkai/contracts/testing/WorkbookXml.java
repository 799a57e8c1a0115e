package io.gongkai.contracts.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The XML inside an XLSX workbook, for tests that check how a figure is stored (its exact digits, not a double). */
public final class WorkbookXml {

    private WorkbookXml() {
    }

    /** The first worksheet's XML; fails when the workbook has none. */
    public static String firstSheet(byte[] xlsx) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no first sheet");
    }
}
