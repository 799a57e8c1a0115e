package io.gongkai.intake.imports;

import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.testing.ValidReports;
import io.gongkai.intake.api.ImportDraft;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Published reports mangled at random (characters dropped, doubled, swapped, replaced by digits, signs, tabs, markup
 * or bytes that are not UTF-8) never make the reader fail other than with a problem to answer, and never take long:
 * the 三营镇 sample of 2023, and a report of 2020 in the 2019 trial form with signed changes and an amount in 元.
 * Each run takes a new seed; {@code -Dgongkai.mangle.seed=S} repeats one and {@code -Dgongkai.mangle.rounds=N} tries
 * more manglings than the 1,500 of a normal build.
 */
class MangledReportTest {

    private static final PublishedReportReader READER = new PublishedReportReader(DivisionTable.national());
    private static final String[] INSERTS = {"0", "1", "9", "\t", " ", "\n", "<td>", "</tr>", "（一）", "总计", "2.", "x件", "。", "/", "-", "+", "元", "万元"};

    @Test
    void aMangledReportIsReadOrRefusedNeverFailed() throws IOException {
        String sanying;
        try (InputStream in = MangledReportTest.class.getResourceAsStream("/imports/sanying-township-2023.txt")) {
            sanying = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String trialForm = PublishedLayouts.render(ValidReports.FORM_2019, 2020, PublishedLayouts.Layout.TABS, 2020).text();
        long seed = Long.getLong("gongkai.mangle.seed", System.nanoTime());
        Random random = new Random(seed);
        long slowest = 0;
        for (int i = 0; i < Integer.getInteger("gongkai.mangle.rounds", 1_500); i++) {
            StringBuilder page = new StringBuilder(i % 2 == 0 ? sanying : trialForm);
            int edits = 1 + random.nextInt(40);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(page.length());
                switch (random.nextInt(5)) {
                    case 0 -> page.deleteCharAt(at);
                    case 1 -> page.insert(at, page.charAt(at));
                    case 2 -> page.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
                    case 3 -> page.setCharAt(at, (char) ('0' + random.nextInt(10)));
                    default -> page.delete(at, Math.min(page.length(), at + random.nextInt(200)));
                }
            }
            byte[] body = page.toString().getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(20) == 0) {
                body[random.nextInt(body.length)] = (byte) (0x80 + random.nextInt(0x80));
            }
            String type = random.nextBoolean() ? "text/plain" : "text/html";
            long start = System.nanoTime();
            try {
                ImportDraft draft = READER.read(body, type, ImportHints.NONE);
                assertThat(draft.submission()).as("seed %d, mangling %d", seed, i).isNotNull();
            } catch (UnreadableDocumentException refused) {
                assertThat(refused.status()).as("seed %d, mangling %d", seed, i).isBetween(400, 499);
            } catch (RuntimeException failure) {
                throw new AssertionError("seed " + seed + ", mangling " + i + " (-Dgongkai.mangle.seed=" + seed
                        + " repeats it)", failure);
            }
            slowest = Math.max(slowest, System.nanoTime() - start);
        }
        assertThat(slowest).as("the slowest mangled report, seed %d", seed).isLessThan(2_000_000_000L);
    }
}
